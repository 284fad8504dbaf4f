// How much of each block a reply may show: the core's budgets, shared with every channel.
export { BUDGETS, FULL, type Budget } from '../../../core/views/fit.js';
