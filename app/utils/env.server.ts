import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SESSION_SECRET: z.string().optional(),
  APP_URL: z.string().url().default('http://localhost:3000'),
  SMTP_URL: z.string().optional(),
});

export type Env = z.infer<typeof schema> & { SESSION_SECRET: string };

export class ConfigurationError extends Error {
  override name = 'ConfigurationError';
}

let cached: Env | null = null;

/** The validated configuration; a bad value fails with a message that names it. */
export function env(): Env {
  if (cached) return cached;
  const parsed = schema.safeParse({ ...process.env, SMTP_URL: process.env.SMTP_URL || undefined, APP_URL: process.env.APP_URL || undefined });
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new ConfigurationError(`Invalid configuration in the environment or .env: ${problems}`);
  }
  const secret = parsed.data.SESSION_SECRET;
  if (!secret && parsed.data.NODE_ENV === 'production') {
    throw new ConfigurationError('SESSION_SECRET is required outside development: run `npm run setup` to generate .env, or set it.');
  }
  cached = { ...parsed.data, SESSION_SECRET: secret || 'development-only-secret' };
  return cached;
}

export const secureCookies = () => env().APP_URL.startsWith('https://');
