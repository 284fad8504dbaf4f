/**
 * The Block Kit types this renderer builds, in one place. They come from @slack/types, which
 * @slack/bolt depends on and re-exports (as `types`); importing them here keeps the rest of the
 * renderer independent of where they live.
 */
export type {
  ActionsBlock,
  AnyBlock,
  Button,
  ContextBlock,
  Datepicker,
  ExternalSelect,
  DividerBlock,
  HeaderBlock,
  HomeView,
  InputBlock,
  InputBlockElement,
  KnownBlock,
  MrkdwnElement,
  ModalView,
  NumberInput,
  PlainTextElement,
  PlainTextInput,
  PlainTextOption,
  RadioButtons,
  SectionBlock,
  StaticSelect,
  TextObject,
  UsersSelect,
} from '@slack/types';
