/**
 * Realistic values guessed from a property or parameter name. Only a guess: the generator
 * uses one only when it also satisfies the schema.
 */
const STRING_NAMES: [RegExp, string][] = [
  [/e-?mail/i, "user@example.com"],
  [/(^|[_-])(url|uri|href|link|website|homepage)$|(Url|Uri|Href|Link)$/, "https://example.com"],
  [/^(first_?name|given_?name)$/i, "Jane"],
  [/^(last_?name|family_?name|surname)$/i, "Doe"],
  [/^user_?name$|^login$/i, "jdoe"],
  [/^(full_?)?name$/i, "example"],
  [/phone|mobile|msisdn/i, "+31612345678"],
  [/^country(_?code)?$/i, "NL"],
  [/^currency(_?code)?$/i, "EUR"],
  [/^(lang|language|locale)$/i, "en"],
  [/(^|[_-])date$|Date$|^date$/, "2019-08-24"],
  [/(^|[_-])(at|time|timestamp)$|(At|Time|Timestamp)$/, "2019-08-24T14:15:22Z"],
  [/(^|[_-])id$|Id$|ID$|^id$/, "1234"],
];

export function stringForName(name: string | undefined): string | undefined {
  if (!name) return undefined;
  return STRING_NAMES.find(([re]) => re.test(name))?.[1];
}

const NUMBER_NAMES: [RegExp, number][] = [
  [/(^|[_-])id$|Id$|ID$|^id$/, 1],
  [/^page(_?number)?$/i, 1],
  [/^(limit|size|page_?size|per_?page|count|top)$/i, 10],
];

export function numberForName(name: string | undefined): number | undefined {
  if (!name) return undefined;
  return NUMBER_NAMES.find(([re]) => re.test(name))?.[1];
}
