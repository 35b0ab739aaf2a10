import { useEffect, useState } from 'react';

/**
 * False on the server and in the first browser render, true after hydration: recharts draws in
 * the browser only (DESIGN.md), so a chart shows once this is true and its table stands in before.
 */
export function useMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}
