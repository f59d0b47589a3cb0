import { blockFieldSuggestionsPlugin } from '@escape.tech/graphql-armor-block-field-suggestions';
import { NoSchemaIntrospectionCustomRule } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Config } from '../config.ts';

export type SchemaPrivacyConfig = Pick<Config, 'NODE_ENV' | 'GRAPHIQL' | 'INTROSPECTION'>;

/** Unset INTROSPECTION follows GraphiQL (which needs it) and development. */
export const introspectionEnabled = (config: SchemaPrivacyConfig): boolean =>
  config.INTROSPECTION ?? (config.GRAPHIQL || config.NODE_ENV === 'development');

/**
 * What the API tells about its schema: introspection only when enabled, and no "Did you mean
 * …?" in validation errors outside development (the suggestions spell out the schema field by
 * field, even with introspection off).
 */
export function useSchemaPrivacy(config: SchemaPrivacyConfig): Plugin[] {
  const plugins: Plugin[] = [];
  if (!introspectionEnabled(config)) {
    plugins.push({ onValidate: ({ addValidationRule }) => addValidationRule(NoSchemaIntrospectionCustomRule) });
  }
  if (config.NODE_ENV !== 'development') plugins.push(blockFieldSuggestionsPlugin());
  return plugins;
}
