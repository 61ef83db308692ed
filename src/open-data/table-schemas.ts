import type { ColumnType, OpenDataColumn, OpenDataTable } from './open-data-tables.ts';

/**
 * The descriptions of a table that travel with its CSV file: a JSON Schema of one row (empty cells read as null,
 * integer columns as numbers, boolean columns as true/false), a data dictionary, and the Frictionless Data Table Schema of datapackage.json.
 */
const JSON_TYPES: Record<ColumnType, { type: 'integer' | 'string' | 'boolean'; format?: string }> = {
  integer: { type: 'integer' },
  string: { type: 'string' },
  boolean: { type: 'boolean' },
  date: { type: 'string', format: 'date' },
  datetime: { type: 'string', format: 'date-time' },
};

/** Where the app serves a table's JSON Schema: its `$id`, on the base URL. */
export const schemaPath = (table: OpenDataTable) => `/open-data/schemas/${table.name}.schema.json`;

/** The JSON Schema of a row as a file, the same in the package and at its `$id`. */
export const rowJsonSchemaFile = (table: OpenDataTable, baseUrl: string) => `${JSON.stringify(rowJsonSchema(table, baseUrl), null, 2)}\n`;

export function rowJsonSchema(table: OpenDataTable, baseUrl: string): Record<string, unknown> {
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: `${baseUrl}${schemaPath(table)}`,
    title: `A row of ${table.name}`,
    description: `${table.description} In the CSV file an empty cell is null and integers are written in decimal.`,
    type: 'object',
    properties: Object.fromEntries(table.columns.map((c) => [c.name, columnSchema(c)])),
    required: table.columns.map((c) => c.name),
    additionalProperties: false,
  };
}

function columnSchema(column: OpenDataColumn): Record<string, unknown> {
  const { type, format } = JSON_TYPES[column.type];
  return {
    description: column.description,
    type: column.required ? type : [type, 'null'],
    ...(format ? { format } : {}),
    ...(column.enum ? { enum: column.required ? [...column.enum] : [...column.enum, null] } : {}),
    ...(column.required && column.type === 'string' ? { minLength: 1 } : {}),
  };
}

export const DICTIONARY_HEADER = ['column', 'type', 'required', 'values', 'meaning'] as const;

export function dictionaryRows(table: OpenDataTable): string[][] {
  return table.columns.map((c) => [c.name, c.type, c.required ? 'yes' : 'no', c.enum?.join(' | ') ?? '', c.description]);
}

const resourceName = (table: string) => table.replaceAll('_', '-');

/**
 * The table as a resource of datapackage.json (https://specs.frictionlessdata.io/), with a foreign key per column
 * that refers to another table (Table Schema: a reference to the table itself names the resource "").
 */
export function dataPackageResource(table: OpenDataTable): Record<string, unknown> {
  const foreignKeys = table.columns.flatMap(({ name, references }) => (references
    ? [{ fields: name, reference: { resource: references.table === table.name ? '' : resourceName(references.table), fields: references.column } }]
    : []));
  return {
    name: resourceName(table.name),
    path: `data/${table.name}.csv`,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8-sig',
    description: table.description,
    dialect: { delimiter: ',', lineTerminator: '\r\n', doubleQuote: true, header: true },
    schema: {
      fields: table.columns.map((c) => ({
        name: c.name,
        type: c.type,
        description: c.description,
        constraints: { required: c.required, ...(c.enum ? { enum: [...c.enum] } : {}) },
      })),
      primaryKey: [...table.key],
      ...(foreignKeys.length > 0 ? { foreignKeys } : {}),
      missingValues: [''],
    },
  };
}
