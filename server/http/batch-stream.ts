/**
 * A large document sent as a stream: `head` and `tail` are written as they are, and the items of
 * `list` between them are rendered a few at a time, each batch only when the client has read the
 * last (pull). A 10,000-feature page (GeoJSON or an HTML table) then never exists as one string,
 * and the thread that answers map reads serves other requests between batches instead of being
 * held for the whole page (issue #14).
 */
const BATCH = 200;

export function batchStream<T>(
  parts: { head: string; list: readonly T[]; render: (item: T) => string; separator: string; tail: string },
  onDone: () => void,
): ReadableStream<Uint8Array> {
  const { head, list, render, separator, tail } = parts;
  const utf8 = new TextEncoder();
  let next = 0;
  let finished = false;
  const finish = () => {
    if (!finished) {
      finished = true;
      onDone();
    }
  };
  return new ReadableStream<Uint8Array>(
    {
      start(controller) {
        controller.enqueue(utf8.encode(head));
      },
      async pull(controller) {
        // Let the event loop answer whatever is waiting before the next batch.
        await new Promise((resolve) => setImmediate(resolve));
        if (next >= list.length) {
          controller.enqueue(utf8.encode(tail));
          controller.close();
          finish();
          return;
        }
        const batch = list.slice(next, next + BATCH).map(render);
        controller.enqueue(utf8.encode((next ? separator : '') + batch.join(separator)));
        next += BATCH;
      },
      cancel: finish,
    },
    { highWaterMark: 1 },
  );
}

/** A JSON document whose `head` opens an array that `tail` closes, the array's items streamed in batches. */
export const jsonArrayStream = (head: string, list: readonly unknown[], tail: string, onDone: () => void) =>
  batchStream({ head, list, render: (x) => JSON.stringify(x), separator: ',', tail }, onDone);
