/** One finding of geodata:check: the file, the feature (if any) and what is wrong with it. */
export type CheckIssue = { file: string; featureId: string | null; problem: string };
