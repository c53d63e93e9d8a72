/** One page to read: its path relative to the version folder, and its text. */
export interface PageText {
  file: string;
  text: string;
}

/** Main thread → worker: a batch of pages. */
export interface ReadRequest {
  batch: number;
  pages: PageText[];
}

/** Worker → main thread: the batch's results as JSON, in the batch's order, or what failed. */
export type ReadResponse =
  | { batch: number; results: string[] }
  | { batch: number; failure: { file: string; message: string } };
