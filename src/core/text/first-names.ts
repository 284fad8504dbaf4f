import { SHORT_FIRST_NAMES } from './short-first-names.js';

/**
 * Common first names in England, capitalised as written: the most given names in the ONS baby-name
 * lists of the last twenty years, with familiar short forms, beside the three-letter ones of
 * short-first-names.ts. Only to notice that free text may name a child or adult (names are never
 * kept, seed-wide: a reference and initials only); not a register of names, and never complete.
 */
export const FIRST_NAMES: ReadonlySet<string> = new Set([
  ...(
    'Aaron Adam Aiden Alex Alexander Alfie Ali Archie Arlo Arthur Austin Bailey Benjamin Billy Blake Bobby Brandon Caleb Callum Cameron ' +
    'Charlie Charles Christopher Connor Daniel David Dexter Dylan Edward Elijah Elliot Elliott Ellis Ethan Evan Ezra Felix Finley Finn ' +
    'Freddie Frederick Gabriel George Harley Harrison Harry Harvey Henry Hugo Isaac Jack Jackson Jacob Jake James Jamie Jaxon Jayden ' +
    'Jenson Joel John Jonathan Joseph Joshua Jude Kai Kian Kieran Kyle Leo Leon Lewis Liam Logan Louie Louis Luca Lucas Luke Mason ' +
    'Matthew Michael Mohammed Muhammad Nathan Noah Oliver Ollie Oscar Owen Patrick Reggie Reuben Rhys Riley Robert Rory Ryan Sam ' +
    'Samuel Sebastian Spencer Stanley Stephen Theo Theodore Thomas Toby Tommy Tyler William Zachary Zak ' +
    'Abigail Aisha Alice Alicia Amelia Amelie Amy Anna Annabelle Ava Bella Bethany Brooke Charlotte Chloe Clara Courtney Darcey Darcie ' +
    'Eleanor Elizabeth Ella Ellie Eliza Elsie Emily Emma Erin Esme Eva Evelyn Evie Florence Freya Georgia Georgina Gracie Hannah Harper ' +
    'Hollie Imogen Isabel Isabella Isabelle Isla Isobel Jasmine Jessica Katie Keira Lacey Layla Leah Lexi Lilly Lola Lottie Lucy ' +
    'Lydia Maddison Madison Maisie Maria Martha Matilda Maya Megan Mia Millie Molly Nancy Naomi Niamh Olivia Paige Phoebe Rebecca ' +
    'Rosie Sadie Sara Sarah Scarlett Sienna Sofia Sophia Sophie Stella Summer Tilly Victoria Violet Willow Zara Zoe ' +
    'Bill Daisy Grace Holly Hope Iris Ivy Jade Joy Lily Mark Max Poppy Rose Ruby Will'
  ).split(' '),
  ...[...SHORT_FIRST_NAMES].map((n) => n[0] + n.slice(1).toLowerCase()),
]);

/**
 * Names that are also everyday English words or school words ("Will", "Grace", "Summer term",
 * "rated Amber"): noticed only in the middle of a sentence, capitalised, where the everyday word would
 * not be. Months and seasons are never read as names.
 */
export const EVERYDAY_WORDS: ReadonlySet<string> = new Set(
  'Bill Daisy Dot Faith Grace Guy Holly Hope Iris Ivy Jade Joy Lily Mark Max May Pat Poppy Ray Rose Ruby Summer Sue Will Amber Rich Dawn Don Art Eve Jan Kit Sky'.split(' '),
);

export const NEVER_NAMES: ReadonlySet<string> = new Set('January February March April May June July August September October November December Spring Summer Autumn Winter Christmas Easter Jordan India Christian'.split(' '));
