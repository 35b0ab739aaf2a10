import { catalogue as en } from './catalogue-en';
import { catalogue as nl } from './catalogue-nl';

// Each language's catalogue is its own module (catalogue-en.ts, catalogue-nl.ts): the server holds
// both, the browser loads only the language it shows (entry.client.tsx). One namespace per area;
// an area adds its keys to its own two JSON files and its namespace to both catalogue modules.
export const resources = { en, nl } as const;

export type Namespace = keyof (typeof resources)['en'];
