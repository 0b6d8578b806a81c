/** A condition expression: a JSON value whose objects are operator applications (`{"op": operands}`). */
export type Expression = null | boolean | number | string | Expression[] | { [operator: string]: Expression };

/** A value an expression evaluates to (JSON values; objects come from the data or from sumBy). */
export type Value = null | boolean | number | string | Value[] | { [key: string]: Value };
