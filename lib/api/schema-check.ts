/**
 * A small JSON Schema checker for the subset lib/api/openapi.ts uses ($ref, type incl. "null"
 * and type lists, enum, required, properties, additionalProperties, items, anyOf/oneOf). The
 * tests check the routes' real answers against the OpenAPI document with it, so documented
 * field names cannot drift from what the API sends.
 */
import type { JsonSchema } from "./openapi";

interface Doc {
  components: { schemas: Record<string, JsonSchema> };
}

function typeOk(t: string, v: unknown): boolean {
  switch (t) {
    case "null":
      return v === null;
    case "integer":
      return typeof v === "number" && Number.isInteger(v);
    case "number":
      return typeof v === "number" && Number.isFinite(v);
    case "string":
      return typeof v === "string";
    case "boolean":
      return typeof v === "boolean";
    case "array":
      return Array.isArray(v);
    case "object":
      return typeof v === "object" && v !== null && !Array.isArray(v);
    default:
      return true;
  }
}

/** Problems of `value` against `schema` (empty = valid); arrays are checked on their first `maxItems` items. */
export function checkSchema(doc: Doc, schema: JsonSchema, value: unknown, path = "$", maxItems = 100): string[] {
  if (typeof schema.$ref === "string") {
    const name = schema.$ref.replace("#/components/schemas/", "");
    const target = doc.components.schemas[name];
    if (!target) return [`${path}: unresolved ${schema.$ref}`];
    return checkSchema(doc, target, value, path, maxItems);
  }
  const branches = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (branches) {
    const results = branches.map((b) => checkSchema(doc, b, value, path, maxItems));
    if (results.some((r) => r.length === 0)) return [];
    return [`${path}: matches no alternative (${results.map((r) => r[0]).join(" | ")})`];
  }
  const errors: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeOk(t, value))) return [`${path}: expected ${types.join(" | ")}, got ${value === null ? "null" : Array.isArray(value) ? "array" : typeof value}`];
  }
  if (Array.isArray(schema.enum) && !schema.enum.includes(value as never)) errors.push(`${path}: ${JSON.stringify(value)} is not one of ${JSON.stringify(schema.enum)}`);
  if (typeOk("object", value)) {
    const o = value as Record<string, unknown>;
    for (const k of (schema.required as string[]) ?? []) if (!(k in o) || o[k] === undefined) errors.push(`${path}.${k}: missing`);
    const props = (schema.properties ?? {}) as Record<string, JsonSchema>;
    for (const [k, s] of Object.entries(props)) if (k in o && o[k] !== undefined) errors.push(...checkSchema(doc, s, o[k], `${path}.${k}`, maxItems));
    if (typeof schema.additionalProperties === "object" && schema.additionalProperties !== null) {
      for (const [k, v] of Object.entries(o)) if (!(k in props)) errors.push(...checkSchema(doc, schema.additionalProperties as JsonSchema, v, `${path}.${k}`, maxItems));
    }
  }
  if (Array.isArray(value) && schema.items) {
    value.slice(0, maxItems).forEach((v, i) => errors.push(...checkSchema(doc, schema.items as JsonSchema, v, `${path}[${i}]`, maxItems)));
  }
  return errors;
}

/** Problems of a route's answer against a named component schema. */
export function checkAnswer(doc: Doc, schemaName: string, value: unknown): string[] {
  return checkSchema(doc, { $ref: `#/components/schemas/${schemaName}` }, value);
}
