/**
 * Common first names of three letters in England (ONS baby-name lists and familiar short forms),
 * upper case. Typed as a pupil's "initials" ("TOM"), such a word is more likely the pupil's name,
 * which the bot never keeps, so new-pupil asks before taking it (issue 11). Three letters only:
 * two-letter names ("Al", "Jo") are too often real initials to query.
 */
export const SHORT_FIRST_NAMES: ReadonlySet<string> = new Set(
  (
    'ABE ABI ADA ALB ALF ALI AMY ANA ANN ARI ASA ASH AVA BEA BEN BEX BOB BRY CAL CAM DAN DEB DEE DON DOT ' +
    'ELI EMA EVA EVE FAY FIN GUS GUY HAL IAN IDA ISA IVY JAN JAY JED JEN JIM JON JOE JOY KAI KAY KEN KIM ' +
    'KIT LEA LEE LEN LEO LEX LIA LIZ LOU LUC LUE MAE MAX MAY MEG MIA NED NIA NOA PAM PAT PEG PIA RAY REX RIA ' +
    'ROB ROS ROY SAL SAM SID SUE TED TIA TIM TOM UNA VAL VIC ZAC ZAK ZEN ZOE'
  )
    .split(' ')
    .filter((n) => n.length === 3),
);
