/** The part of mapshaper's API the admin build uses (the package ships no types). */
declare module 'mapshaper' {
  const mapshaper: {
    /** Runs a mapshaper command line on in-memory inputs; resolves with the -o outputs by file name. */
    applyCommands(commands: string, input?: Record<string, unknown>): Promise<Record<string, string | Uint8Array>>;
  };
  export default mapshaper;
}
