/**
 * Random GraphQL requests built from the schema: selections of random fields (inline fragments
 * on interfaces, aliases, nesting past the depth limit), every argument type with ordinary and
 * hostile values (huge numbers, injection-looking and control-character strings, deep lists,
 * wrong types, nulls), as literals or as variables, with and without the API token. Used by
 * the fuzz tests: whatever the request, the API answers data or coded errors, never a 5xx.
 */
import fc from 'fast-check';
import {
  getNamedType,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLEnumType,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

type Gen = fc.GeneratorValue;

export interface FuzzRequest {
  query: string;
  variables: Record<string, unknown>;
  withToken: boolean;
}

/** Ids the fixture holds, so that some requests reach real data and the resolvers' deeper paths. */
const KNOWN_IDS = [
  'taliban',
  'china',
  'pakistan',
  'iskp',
  'islamic-state-khorasan-province',
  'quadrilateral-joint-statement-2024-09',
  'quadrilateral-meeting-2024-09-unga',
  'andrew-korybko',
];

const HOSTILE_STRINGS = [
  '',
  ' ',
  "' OR 1=1 --",
  '") MATCH (n) DETACH DELETE n //',
  '$where',
  '*',
  '?',
  '~',
  'AND OR NOT',
  'title:(a OR b)^10',
  '\\',
  '"',
  '\u0000',
  '\uFFFF',
  '\uD800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '../../etc/passwd',
  '<script>alert(1)</script>',
  '2024-13-45',
  '9999-99',
  '0000',
  '2024-02-30',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
  'x'.repeat(5000),
];

const hostileString = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...KNOWN_IDS) },
  { weight: 1, arbitrary: fc.constantFrom('2024', '2024-09', '2024-10-03', '2023-01-01') },
  { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_STRINGS) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
  { weight: 1, arbitrary: fc.base64String({ maxLength: 60 }) },
);

const hostileInt = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 1, max: 20 }) },
  { weight: 2, arbitrary: fc.integer({ min: -3, max: 600 }) },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 2 ** 31 - 1, -(2 ** 31), 2 ** 31, 2 ** 53, -(2 ** 53), 1e21) },
  { weight: 1, arbitrary: fc.integer() },
);

const hostileFloat = fc.oneof(
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, -0.5, 0.5, 1, 1.0000001, 1e308, -1e308),
);

const printString = (value: string) => JSON.stringify(value);
const printNumber = (value: number) =>
  Number.isInteger(value) && Math.abs(value) < 1e21 ? String(value) : String(value).replace('+', '');

/** One draw in 40: often enough to reach every kind of mistake, rare enough for most requests to be valid. */
const rarely = (g: Gen) => g(fc.integer, { min: 1, max: 40 }) === 1;

/** A value of the wrong kind: what a client sends by mistake or on purpose. */
function wrongValue(g: Gen): unknown {
  return g(fc.constantFrom, 'text', 12, 1.5, true, [], {}, [[['deep']]], null);
}

/** A JS value for `type` (a variable's value); sometimes of the wrong kind. */
function jsValue(g: Gen, type: GraphQLInputType, budget: number): unknown {
  if (rarely(g)) return wrongValue(g);
  if (isNonNullType(type)) return jsValue(g, type.ofType, budget);
  if (rarely(g)) return null;
  if (isListType(type)) {
    if (g(fc.integer, { min: 1, max: 30 }) === 1) return nestedArray(g(fc.integer, { min: 2, max: 3000 }));
    const length = g(fc.integer, { min: 0, max: 3 });
    return Array.from({ length }, () => jsValue(g, type.ofType, budget - 1));
  }
  if (isInputObjectType(type)) {
    const value: Record<string, unknown> = {};
    for (const field of Object.values(type.getFields())) {
      if (isNonNullType(field.type) || g(fc.boolean)) value[field.name] = jsValue(g, field.type, budget - 1);
    }
    return value;
  }
  if (isEnumType(type)) return g(() => enumValue(type, 'criticizes'));
  switch (type.name) {
    case 'Int':
      return g(() => hostileInt);
    case 'Float':
      return g(() => hostileFloat);
    case 'Boolean':
      return g(fc.boolean);
    case 'JSON':
      return g(fc.jsonValue, { maxDepth: 4 });
    default:
      return g(() => hostileString);
  }
}

/** One of the enum's values, now and then a name outside it. */
const enumValue = (type: GraphQLEnumType, outsider: string) =>
  fc.oneof(
    { weight: 9, arbitrary: fc.constantFrom(...type.getValues().map((value) => value.name)) },
    { weight: 1, arbitrary: fc.constant(outsider) },
  );

const nestedArray = (depth: number): unknown => {
  let value: unknown = 'x';
  for (let level = 0; level < depth; level += 1) value = [value];
  return value;
};

/** A literal for `type`, as GraphQL source text; sometimes of the wrong kind. */
function literal(g: Gen, type: GraphQLInputType, budget: number): string {
  if (rarely(g))
    return g(fc.constantFrom, '"text"', '12', '1.5', 'true', '[]', '{}', 'null', 'WRONG_ENUM', '[[["deep"]]]');
  if (isNonNullType(type)) return literal(g, type.ofType, budget);
  if (rarely(g)) return 'null';
  if (isListType(type)) {
    if (g(fc.integer, { min: 1, max: 30 }) === 1) {
      const depth = g(fc.integer, { min: 2, max: 3000 });
      return `${'['.repeat(depth)}"x"${']'.repeat(depth)}`;
    }
    const length = g(fc.integer, { min: 0, max: 3 });
    return `[${Array.from({ length }, () => literal(g, type.ofType, budget - 1)).join(', ')}]`;
  }
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((field) => isNonNullType(field.type) || g(fc.boolean));
    return `{ ${fields.map((field) => `${field.name}: ${literal(g, field.type, budget - 1)}`).join(', ')} }`;
  }
  if (isEnumType(type)) return g(() => enumValue(type, 'NOT_A_VALUE'));
  switch (type.name) {
    case 'Int':
      return printNumber(g(() => hostileInt));
    case 'Float':
      return printNumber(g(() => hostileFloat));
    case 'Boolean':
      return String(g(fc.boolean));
    case 'JSON':
      return jsonLiteral(g(fc.jsonValue, { maxDepth: 3 }));
    default:
      return printString(g(() => hostileString));
  }
}

/** A JSON value as a GraphQL literal (object keys unquoted, as GraphQL wants them). */
function jsonLiteral(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(jsonLiteral).join(', ')}]`;
  if (typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([key]) =>
      /^[_A-Za-z][_0-9A-Za-z]*$/.test(key),
    );
    return `{ ${entries.map(([key, item]) => `${key}: ${jsonLiteral(item)}`).join(', ')} }`;
  }
  if (typeof value === 'number') return printNumber(value);
  return JSON.stringify(value);
}

class RequestBuilder {
  private readonly variableDefinitions: string[] = [];
  readonly variables: Record<string, unknown> = {};

  constructor(
    private readonly g: Gen,
    private readonly schema: GraphQLSchema,
  ) {}

  /** `type`'s selection set: 1-4 fields, each maybe aliased, with arguments and sub-selections. */
  selection(type: GraphQLObjectType | GraphQLNamedType, depth: number): string {
    const g = this.g;
    if (!isObjectType(type) && !isInterfaceType(type)) return '';
    const fields = Object.values(type.getFields());
    const leaves = fields.filter((field) => isLeafType(getNamedType(field.type)));
    const pool = depth <= 0 && leaves.length > 0 ? leaves : fields;
    const count = g(fc.integer, { min: 1, max: 4 });
    const names = new Set<string>();
    const parts = Array.from({ length: count }, (_, index) => this.field(this.pick(pool), depth, index, names));
    if (depth <= 0 && leaves.length === 0) parts.splice(0, parts.length, '__typename');
    if (isInterfaceType(type) && g(fc.boolean)) {
      const implementation = this.pick(this.schema.getPossibleTypes(type));
      parts.push(`... on ${implementation.name} { ${this.selection(implementation, depth - 1)} }`);
    }
    return parts.join(' ');
  }

  /**
   * One of `items`, drawn by index: fast-check compares the arguments of the arbitraries it
   * caches, and schema objects are cyclic.
   */
  private pick<T>(items: readonly T[]): T {
    return items[this.g(fc.integer, { min: 0, max: items.length - 1 })]!;
  }

  /** A field; aliased now and then, and always when its name is taken (same name, other arguments: invalid). */
  private field(field: GraphQLField<unknown, unknown>, depth: number, index: number, names: Set<string>): string {
    const g = this.g;
    const aliased = names.has(field.name) || g(fc.integer, { min: 1, max: 4 }) === 1;
    const alias = aliased ? `a${index}_${field.name}: ` : '';
    names.add(aliased ? `a${index}_${field.name}` : field.name);
    const args = field.args
      .filter((arg) => isNonNullType(arg.type) || g(fc.boolean))
      .map((arg) => `${arg.name}: ${this.argument(arg)}`);
    const named = getNamedType(field.type);
    const sub = isLeafType(named) ? '' : ` { ${this.selection(named, depth - 1)} }`;
    return `${alias}${field.name}${args.length > 0 ? `(${args.join(', ')})` : ''}${sub}`;
  }

  private argument(arg: GraphQLArgument): string {
    const g = this.g;
    if (g(fc.integer, { min: 1, max: 3 }) === 1) {
      const name = `v${this.variableDefinitions.length}`;
      this.variableDefinitions.push(`$${name}: ${String(arg.type)}`);
      const value = jsValue(g, arg.type, 3);
      if (value !== undefined) this.variables[name] = value;
      return `$${name}`;
    }
    return literal(g, arg.type, 3);
  }

  operation(kind: 'query' | 'mutation', body: string): string {
    const definitions = this.variableDefinitions.length > 0 ? `(${this.variableDefinitions.join(', ')})` : '';
    return `${kind} Fuzz${definitions} { ${body} }`;
  }
}

/** An arbitrary request against `schema`. */
export function graphqlRequest(schema: GraphQLSchema): fc.Arbitrary<FuzzRequest> {
  return fc.gen().map((g) => {
    const builder = new RequestBuilder(g, schema);
    const mutationType = schema.getMutationType();
    const isMutation = mutationType !== null && mutationType !== undefined && g(fc.integer, { min: 1, max: 8 }) === 1;
    const root = isMutation ? mutationType : schema.getQueryType()!;
    // Mostly within the depth limit (6), sometimes past it.
    const depth = g(fc.constantFrom, 1, 2, 2, 3, 3, 3, 4, 4, 5, 7);
    const body = builder.selection(root, depth);
    return {
      query: builder.operation(isMutation ? 'mutation' : 'query', body),
      variables: builder.variables,
      withToken: g(fc.boolean),
    };
  });
}
