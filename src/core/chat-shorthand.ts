/**
 * Abbreviations people type in chat, read as the word they stand for when the corpus does not use
 * the abbreviation itself ("govt's new regs" → "government's new regulations"). Query side only:
 * articles spell words out. Story-specific spellings (CFIUS, Tik Tok) belong in synonyms.txt.
 */
const SHORTHAND: ReadonlyMap<string, string> = new Map([
  ['regs', 'regulations'], ['reg', 'regulation'], ['govt', 'government'], ['gov', 'government'], ['govts', 'governments'],
  ['ppl', 'people'], ['usr', 'user'], ['usrs', 'users'], ['info', 'information'], ['admin', 'administration'],
  ['dept', 'department'], ['mgmt', 'management'], ['intl', 'international'], ['natl', 'national'], ['biz', 'business'],
  ['corp', 'corporation'], ['co', 'company'], ['cos', 'companies'], ['convo', 'conversation'], ['msg', 'message'],
  ['msgs', 'messages'], ['pic', 'picture'], ['pics', 'pictures'], ['yr', 'year'], ['yrs', 'years'], ['mo', 'month'],
  ['mos', 'months'], ['wk', 'week'], ['wks', 'weeks'], ['hr', 'hour'], ['hrs', 'hours'],
  ['mins', 'minutes'], ['approx', 'approximately'], ['acct', 'account'], ['prez', 'president'], ['prof', 'professor'], ['pres', 'president'],
  ['exec', 'executive'], ['execs', 'executives'], ['dev', 'developer'], ['devs', 'developers'], ['org', 'organization'],
  ['orgs', 'organizations'], ['bday', 'birthday'], ['env', 'environment'], ['envs', 'environments'], ['config', 'configuration'],
  ['configs', 'configurations'], ['doc', 'document'], ['docs', 'documents'], ['pw', 'password'], ['pwd', 'password'], ['pwds', 'passwords'],
  ['repo', 'repository'], ['repos', 'repositories'], ['stats', 'statistics'], ['vid', 'video'], ['vids', 'videos'],
  ['infra', 'infrastructure'], ['colo', 'colocation'], ['colos', 'colocation'], ['mgr', 'manager'], ['mgrs', 'managers'], ['ops', 'operations'],
  ['max', 'maximum'], ['avg', 'average'], ['pct', 'percent'], ['amt', 'amount'], ['num', 'number'], ['tech', 'technology'],
  // Question words spelt by ear ("wen is the next workshop").
  ['wen', 'when'], ['wher', 'where'],
  // Units, as people type them and articles spell them out ("48 megawatts").
  ['km', 'kilometres'], ['kms', 'kilometres'], ['kg', 'kilograms'], ['kgs', 'kilograms'], ['mw', 'megawatts'], ['gw', 'gigawatts'],
  ['kw', 'kilowatts'], ['kwh', 'kilowatt'], ['mwh', 'megawatt'], ['gb', 'gigabytes'], ['tb', 'terabytes'], ['mb', 'megabytes'],
  ['pb', 'petabytes'], ['sqft', 'feet'], ['mph', 'miles'], ['lbs', 'pounds'],
  // Business shorthand: "Q2 revenue" is the second quarter's.
  ['q1', 'quarter'], ['q2', 'quarter'], ['q3', 'quarter'], ['q4', 'quarter'], ['eoy', 'year'], ['ytd', 'year'], ['yoy', 'year'],
  // Policy shorthand: "natsec risk", "the USG", "the feds" (not "the Fed", a central bank).
  ['natsec', 'security'], ['usg', 'government'], ['feds', 'government'],
  // A site's terms of service.
  ['tos', 'terms'],
]);

/** The word an abbreviation stands for, or undefined when `norm` is none. */
export const expandShorthand = (norm: string): string | undefined => SHORTHAND.get(norm);
