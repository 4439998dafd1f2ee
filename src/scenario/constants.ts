/** Format constants the engine needs at run time, kept apart from the schema so the engine does not pull in the validator. */

/** In a node an inject opened: go back to where the run was heading before the inject. */
export const RETURN = '$return';
