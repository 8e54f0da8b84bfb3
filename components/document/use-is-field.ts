'use client';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { fieldsQueryOptions } from '@/lib/queries/fields';

const NONE: readonly string[] = [];

/**
 * Whether a name is a field of the source: from its field list (fetched once per source and
 * kept), or the names seen in loaded rows until that list arrives.
 */
export function useIsField(source: string | undefined, seen: readonly string[] = NONE): (name: string) => boolean {
  const fields = useQuery(fieldsQueryOptions(source));
  const list = fields.data?.fields;
  return useMemo(() => {
    const names = new Set(list ? list.map((f) => f.name) : seen);
    return (name: string) => names.has(name);
  }, [list, seen]);
}
