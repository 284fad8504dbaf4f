/**
 * The small part of the Adaptive Card 1.5 schema this bot uses, typed so that a misspelt property
 * or an element Teams cannot show fails to compile. See https://adaptivecards.io/explorer/.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type Spacing = 'None' | 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge' | 'Padding';
export type TextColor = 'Default' | 'Dark' | 'Light' | 'Accent' | 'Good' | 'Warning' | 'Attention';
export type TextSize = 'Small' | 'Default' | 'Medium' | 'Large' | 'ExtraLarge';
export type TextWeight = 'Lighter' | 'Default' | 'Bolder';
export type ContainerStyle = 'default' | 'emphasis' | 'good' | 'attention' | 'warning' | 'accent';
export type HorizontalAlignment = 'Left' | 'Center' | 'Right';

/**
 * The card widths an element is shown at (Teams' responsive layout): a phone in portrait is
 * `narrow`, a chat on desktop `standard`, a meeting's side panel `veryNarrow`. Without it the
 * element shows at every width.
 */
export type TargetWidth =
  | 'veryNarrow'
  | 'narrow'
  | 'standard'
  | 'wide'
  | `atLeast:${'veryNarrow' | 'narrow' | 'standard' | 'wide'}`
  | `atMost:${'veryNarrow' | 'narrow' | 'standard' | 'wide'}`;

interface ElementBase {
  id?: string;
  spacing?: Spacing;
  separator?: boolean;
  /** False to start hidden, for an Action.ToggleVisibility to show. */
  isVisible?: boolean;
  targetWidth?: TargetWidth;
}

export interface TextBlock extends ElementBase {
  type: 'TextBlock';
  text: string;
  wrap?: boolean;
  size?: TextSize;
  weight?: TextWeight;
  color?: TextColor;
  isSubtle?: boolean;
  horizontalAlignment?: HorizontalAlignment;
  maxLines?: number;
}

export interface Container extends ElementBase {
  type: 'Container';
  items: Element[];
  style?: ContainerStyle;
  bleed?: boolean;
  selectAction?: ExecuteAction | OpenUrlAction;
}

export interface Column {
  type: 'Column';
  items: Element[];
  /** 'auto', 'stretch', a weight (number) or pixels ("50px"). */
  width?: 'auto' | 'stretch' | number | `${number}px`;
  style?: ContainerStyle;
  spacing?: Spacing;
  separator?: boolean;
  verticalContentAlignment?: 'Top' | 'Center' | 'Bottom';
  targetWidth?: TargetWidth;
}

export interface ColumnSet extends ElementBase {
  type: 'ColumnSet';
  columns: Column[];
}

export interface Fact {
  title: string;
  value: string;
}

export interface FactSet extends ElementBase {
  type: 'FactSet';
  facts: Fact[];
}

export interface ActionSet extends ElementBase {
  type: 'ActionSet';
  actions: Action[];
}

interface InputBase extends ElementBase {
  id: string;
  label?: string;
  isRequired?: boolean;
  errorMessage?: string;
}

export interface TextInput extends InputBase {
  type: 'Input.Text';
  value?: string;
  placeholder?: string;
  maxLength?: number;
  isMultiline?: boolean;
}

export interface NumberInput extends InputBase {
  type: 'Input.Number';
  value?: number;
  placeholder?: string;
  min?: number;
  max?: number;
}

export interface DateInput extends InputBase {
  type: 'Input.Date';
  /** YYYY-MM-DD. */
  value?: string;
  placeholder?: string;
}

export interface InputChoice {
  title: string;
  value: string;
}

/**
 * Choices fetched as the person types: Teams sends the bot an `application/search` invoke naming the
 * dataset, or serves `graph.microsoft.com/users` (its people picker) itself. A Teams addition, honoured
 * in cards of any version (Microsoft's own examples are 1.2), though the adaptivecards SDK files it under 1.6.
 */
export interface DataQuery {
  type: 'Data.Query';
  dataset: string;
}

export interface ChoiceSetInput extends InputBase {
  type: 'Input.ChoiceSet';
  choices: InputChoice[];
  'choices.data'?: DataQuery;
  value?: string;
  /** `filtered`: a box to type in that offers the choices (and the fetched ones) that match. */
  style?: 'compact' | 'expanded' | 'filtered';
  placeholder?: string;
  /** Choice labels wrap instead of being cut with "…" (Adaptive Cards 1.2), as a phone-width card needs. */
  wrap?: boolean;
}

export type Input = TextInput | NumberInput | DateInput | ChoiceSetInput;

export interface TableCell {
  type: 'TableCell';
  items: Element[];
}

export interface TableRow {
  type: 'TableRow';
  cells: TableCell[];
  style?: ContainerStyle;
}

/** Adaptive Cards 1.5 Table. */
export interface Table extends ElementBase {
  type: 'Table';
  columns: { width: number }[];
  rows: TableRow[];
  firstRowAsHeader?: boolean;
  showGridLines?: boolean;
}

/**
 * Teams' chart elements (learn.microsoft.com, "Charts in Adaptive Cards"): Teams-only, so not in the
 * Adaptive Cards 1.5 schema or Microsoft's parser, which skips them for their `fallback`.
 */
export interface ChartPoint {
  x: string;
  y: number;
}
interface ChartBase extends ElementBase {
  title?: string;
  colorSet?: 'categorical' | 'sequential' | 'diverging';
  fallback: 'drop' | Element;
}
export interface VerticalBarChart extends ChartBase {
  type: 'Chart.VerticalBar';
  xAxisTitle?: string;
  yAxisTitle?: string;
  showBarValues?: boolean;
  data: ChartPoint[];
}
export interface GroupedVerticalBarChart extends ChartBase {
  type: 'Chart.VerticalBar.Grouped';
  stacked?: boolean;
  xAxisTitle?: string;
  yAxisTitle?: string;
  data: { legend: string; values: ChartPoint[] }[];
}
export interface LineChart extends ChartBase {
  type: 'Chart.Line';
  xAxisTitle?: string;
  yAxisTitle?: string;
  data: { legend: string; values: ChartPoint[] }[];
}
export interface PieChart extends ChartBase {
  type: 'Chart.Pie';
  data: { legend: string; value: number }[];
}
export type Chart = VerticalBarChart | GroupedVerticalBarChart | LineChart | PieChart;

export type Element = TextBlock | Container | ColumnSet | FactSet | ActionSet | Input | Table | Chart;

export type AssociatedInputs = 'auto' | 'none';
export type ActionStyle = 'default' | 'positive' | 'destructive';

export interface SubmitAction {
  type: 'Action.Submit';
  title: string;
  data: JsonObject;
  associatedInputs?: AssociatedInputs;
  style?: ActionStyle;
}

/** Universal Actions: the bot answers the invoke and Teams updates the card in place. */
export interface ExecuteAction {
  type: 'Action.Execute';
  title: string;
  verb: string;
  data: JsonObject;
  associatedInputs?: AssociatedInputs;
  style?: ActionStyle;
  /** For clients without Universal Actions. */
  fallback?: SubmitAction;
}

export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}

/** Shows or hides elements on the same card, with no call to the bot ("Show details"). */
export interface ToggleVisibilityAction {
  type: 'Action.ToggleVisibility';
  title: string;
  targetElements: string[];
}

export type Action = ExecuteAction | SubmitAction | OpenUrlAction | ToggleVisibilityAction;

export const CARD_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';

export interface AdaptiveCard {
  type: 'AdaptiveCard';
  $schema: typeof CARD_SCHEMA;
  /** Teams supports Adaptive Cards up to 1.5. */
  version: '1.5';
  msteams?: { width: 'Full' };
  body: Element[];
  actions?: Action[];
}
