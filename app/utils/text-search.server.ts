import { col, fn, Op, where, type Model, type ModelStatic, type WhereOptions } from 'sequelize';

/**
 * "Contains this text, ignoring case" — the same on SQLite and PostgreSQL. LIKE is not: it ignores
 * case on SQLite only, and SQLite gives `\` no escaping meaning, so a typed % or _ would act as a
 * wildcard. A position search (instr / strpos) has no wildcards and takes the term as a parameter.
 */
export function containsText<M extends Model>(model: ModelStatic<M>, attribute: string, term: string): WhereOptions {
  const field = model.getAttributes()[attribute]?.field ?? attribute;
  const position = model.sequelize?.getDialect() === 'postgres' ? 'strpos' : 'instr';
  // Qualified with the alias Sequelize gives the main table (the model name), so includes stay unambiguous.
  return where(fn(position, fn('lower', col(`${model.name}.${field}`)), term.toLowerCase()), Op.gt, 0);
}
