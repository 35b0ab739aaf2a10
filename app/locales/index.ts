import enAuth from './en/auth.json';
import enCommon from './en/common.json';
import nlAuth from './nl/auth.json';
import nlCommon from './nl/common.json';

// Catalogues are bundled: a few kilobytes each, and no request waterfall before the first paint.
export const resources = {
  en: { common: enCommon, auth: enAuth },
  nl: { common: nlCommon, auth: nlAuth },
} as const;

export type Namespace = keyof (typeof resources)['en'];
