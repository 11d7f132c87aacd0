/**
 * A string as a YAML scalar: plain when YAML reads it back as the same string, else double-quoted.
 * Why JSON's quoting: a JSON string is a YAML double-quoted scalar, with every character escaped
 * that YAML would otherwise read as syntax (`: `, ` #`, a leading `*`, a newline).
 */
export function yamlScalar(text: string): string {
  const plain = /^[A-Za-z][A-Za-z0-9 ,.'()/-]*$/.test(text) && !/\s$/.test(text) && !/^(?:true|false|yes|no|on|off|null|y|n)$/i.test(text);
  return plain ? text : JSON.stringify(text);
}
