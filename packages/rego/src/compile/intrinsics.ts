// Functions the evaluator provides itself (they need its state, such as the rule being
// evaluated, or print's operands that may be undefined) when the registry does not define them.

const ARITIES: Record<string, number> = {
  'rego.metadata.rule': 0,
  'rego.metadata.chain': 0,
  'rego.parse_module': 2,
  trace: 1,
  print: -1,
  'internal.print': -1,
};

/** Operand count of an intrinsic (-1: any number), or undefined when the name is not one. */
export function intrinsicArity(name: string): number | undefined {
  return ARITIES[name];
}
