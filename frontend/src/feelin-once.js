// form-js-viewer 1.10 imports FEEL from `feelin` 3, while its templating (`feelers`) brings the newer
// `@bpmn-io/feelin` 6 with its own parser: two FEEL interpreters in the task page's bundle. This module
// stands in for `feelin` (see build.mjs) with the API form-js expects, on top of the one interpreter
// feelers already needs. feelin 6 answers { value, warnings } where feelin 3 answered the value.
import { evaluate as evaluateFeel, unaryTest as unaryTestFeel } from '@bpmn-io/feelin';

export { parseExpression, parseUnaryTests } from '@bpmn-io/feelin';

export function evaluate(expression, context, dialect) {
  return evaluateFeel(expression, context, dialect).value;
}

export function unaryTest(expression, context, dialect) {
  return unaryTestFeel(expression, context, dialect).value;
}
