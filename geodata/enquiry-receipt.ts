/**
 * What an investor is told once an enquiry is stored: its reference, who receives it and how soon
 * they answer. Shared by the server (which writes it) and the client (which shows it).
 */

/**
 * The reference people quote on the phone: "YC-2026-0042" (YC = yêu cầu), from the year the
 * enquiry arrived (UTC) and its database id. The id is a serial, so two enquiries never share a
 * reference, however many arrive at once, and the reference never changes afterwards.
 */
export function enquiryReference(id: number, createdAt: string): string {
  return `YC-${createdAt.slice(0, 4)}-${String(id).padStart(4, '0')}`;
}

/**
 * The office that receives enquiries (the managing authority), as the operator configured it
 * (README: ENQUIRY_DESK_*). Each part may be missing: the interface then says "no data", never a
 * made-up office.
 */
export type EnquiryDesk = {
  name: string | null;
  email: string | null;
  phone: string | null;
  /** Working days within which the office answers. */
  responseDays: number | null;
};

export const NO_ENQUIRY_DESK: EnquiryDesk = { name: null, email: null, phone: null, responseDays: null };
