/** The JSON Schema of the workplan file format, for editors; loaded only by the command that prints it. */
export async function workplanSchema(): Promise<string> {
  const { workplanJsonSchema } = await import("../model/json-schema.js");
  return workplanJsonSchema();
}
