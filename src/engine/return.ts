/**
 * In a node an inject opened: go back to where the run was heading before the inject. A module of
 * its own, importing nothing, because the format's schema needs it as a literal and the engine's
 * readers of `next` need the format's types: either way round in one file would be a cycle.
 */
export const RETURN = '$return';
