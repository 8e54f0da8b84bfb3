/** What the compiler needs to know about the source being searched. */

export interface QueryFieldInfo {
  /** Elasticsearch field type as `_field_caps` reports it: keyword, text, date, long, nested, … */
  type: string;
}

export interface QueryContext {
  /** Field name → info for the source (from _field_caps). When absent, translate without type knowledge. */
  fields?: ReadonlyMap<string, QueryFieldInfo>;
  /** Fields that are large text (e.g. the message field): leading wildcards on them are rejected. */
  largeTextFields?: readonly string[];
  /** Time zone for date math in ranges is UTC; dates are passed through to the engine as strings. */
}

export type QueryLanguageName = 'kql' | 'lucene';

export interface QueryText {
  language: QueryLanguageName;
  text: string;
}
