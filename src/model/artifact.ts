/**
 * A rendered output: where it goes, relative to the output folder, and its bytes. Why here and not
 * beside the writer: renderers make artifacts and the writer writes them, and neither should have
 * to import the other to agree on what one is.
 */
export interface Artifact {
  path: string;
  bytes: Uint8Array;
}
