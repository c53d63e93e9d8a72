/**
 * Run-time support for the generated type guards: `isX`, `validateX` and `assertX` beside every
 * type, and `isX` beside every enum.
 *
 * This module has no imports, so the guards have no dependency but it. The generated namespace
 * modules never name a JavaScript global, because the docs may declare types called `Array`,
 * `Object`, `Set` or `Error` that shadow the global in that module: every built-in they need is
 * reached through a function here.
 *
 * What a guard accepts follows the OData JSON format as Microsoft Graph sends it:
 * - Extra properties are allowed (Graph adds properties and annotations such as
 *   `@odata.context` or `members@odata.nextLink`); the `strict` option reports them, except
 *   names containing `@`, which are always OData annotations. Open types accept any property.
 * - Int64 arrives as a JSON number. Single and Double may also arrive as the strings `"NaN"`,
 *   `"INF"` and `"-INF"` (the OData IEEE 754 special values), which a guard accepts although the
 *   declared TypeScript type is `number`.
 * - Evolvable enums are those with an `unknownFutureValue` member. Graph sends
 *   `unknownFutureValue` in place of any member added after it, unless the request opts in
 *   with the `Prefer: include-unknown-enum-members` header; so the members listed after
 *   `unknownFutureValue` are valid values too. A value the docs do not list is still reported,
 *   for an evolvable enum as for any other: it may be a member added since the docs were read.
 * - Flags enums arrive as comma-separated members, each once (`"audio,video"`), which their
 *   property checks accept, while `isX` for the enum itself accepts single members, as its type does.
 * - The properties checked are an object's own enumerable string-keyed ones, which are what
 *   JSON.stringify writes; each is read once, and nothing is read from a prototype. A getter
 *   that throws becomes an issue. Issues come in the order of the value's properties.
 * - An own property holding `undefined` counts as absent, as it does for an optional property
 *   in TypeScript and for JSON.stringify.
 * - Cycles, and nesting deeper than `maxDepth` objects, are reported instead of walked.
 */

/** One way a value differs from its declared type. */
export interface ValidationIssue {
  /** Where: a JSON path such as `$.assignedLicenses[2].skuId` or `$["@odata.type"]`. */
  path: string;
  /** What the type declares there, such as `string (Guid)`. */
  expected: string;
  /** What the value holds there, such as `number` or `string "abc"`. */
  found: string;
  /** `$.assignedLicenses[2].skuId: expected string (Guid), got number` */
  message: string;
}

export interface ValidationOptions {
  /** Report properties the type does not declare, except OData annotations (names with `@`). Default false. */
  strict?: boolean;
  /** Check the Edm string formats (DateTimeOffset, Date, TimeOfDay, Duration, Guid, Binary) and documented maximum lengths. Default {{checkFormats}} (the generator's `checkFormats` setting). */
  checkFormats?: boolean;
  /** How many objects deep to walk before reporting `maximum depth exceeded`. Default 64. */
  maxDepth?: number;
}

/** Thrown by the generated `assertX` functions; `issues` lists every problem found. */
export class ValidationError extends Error {
  readonly issues: readonly ValidationIssue[];

  constructor(typeName: string, issues: readonly ValidationIssue[]) {
    super(errorMessage(typeName, issues));
    this.name = 'ValidationError';
    this.issues = issues;
  }
}

/** `Invalid recordOperation: 2 issues` and the first few issue messages, one a line. */
function errorMessage(typeName: string, issues: readonly ValidationIssue[]): string {
  const count = `${issues.length} ${issues.length === 1 ? 'issue' : 'issues'}`;
  const listed = issues.slice(0, MESSAGES_IN_ERROR).map((issue) => `\n  ${issue.message}`).join('');
  const more = issues.length > MESSAGES_IN_ERROR ? `\n  … and ${issues.length - MESSAGES_IN_ERROR} more` : '';
  return `Invalid ${typeName}: ${count}${listed}${more}`;
}

/**
 * Checks one value, reporting to the walk. Generated per type; the ones for Edm types are below,
 * and those for string types also take a documented maximum length.
 */
export type Check = (value: unknown, walk: Walk) => void;

/**
 * Checks one property of an object of a given type, by name (generated per type as
 * `propertyOfX`). Returns false when the type neither declares nor inherits that property.
 */
export type PropertyCheck = (name: string, value: unknown, walk: Walk) => boolean;

const DEFAULT_MAX_DEPTH = 64;
const DEFAULT_CHECK_FORMATS: boolean = {{checkFormats}};
const MESSAGES_IN_ERROR = 10;
/** Long strings are cut to this many characters when an issue shows them. */
const SHOWN_STRING_LENGTH = 40;

/** Captured once, so that code patching `Object.prototype` later cannot change what counts as own. */
const hasOwnProperty = Object.prototype.hasOwnProperty;
const isArray: (value: unknown) => value is readonly unknown[] = Array.isArray;
const isInteger: (value: number) => boolean = Number.isInteger;
const isFiniteNumber: (value: number) => boolean = Number.isFinite;

/** What reading returns for a property that is not there, or could not be read. */
const ABSENT: unique symbol = /*#__PURE__*/ Symbol('absent');

/** The state of one guard call: where it is, what it found, and which objects it is inside. */
export class Walk {
  /** `undefined` when only a yes or no is wanted (`isX`): then the walk stops at the first problem and builds no message. */
  private issues: ValidationIssue[] | undefined = undefined;
  /** Whether any problem was found. */
  failed: boolean = false;
  /** Whether nothing more needs checking: a problem was found and no issues are being collected. */
  private stopped: boolean = false;
  private strict: boolean = false;
  /** The `checkFormats` option, which the Edm string checks read. */
  checkFormats: boolean = false;
  private maxDepth: number = DEFAULT_MAX_DEPTH;
  /** Property names and array indexes from the root to the value being checked, when collecting issues. */
  private readonly path: (string | number)[] = [];
  /** The objects being checked, outermost first: a cycle leads back into one of them. */
  private readonly ancestors: object[] = [];

  /** Readies a walk for one guard call; `issues` is where to collect, or `undefined` for a yes or no. */
  begin(issues: ValidationIssue[] | undefined, options: ValidationOptions | undefined): void {
    this.issues = issues;
    this.failed = false;
    this.stopped = false;
    this.strict = options?.strict === true;
    const checkFormats = options?.checkFormats;
    this.checkFormats = typeof checkFormats === 'boolean' ? checkFormats : DEFAULT_CHECK_FORMATS;
    const maxDepth = options?.maxDepth;
    this.maxDepth = typeof maxDepth === 'number' && maxDepth >= 0 ? maxDepth : DEFAULT_MAX_DEPTH;
  }

  /** Lets go of everything the last call held, so a pooled walk keeps no caller's objects alive. */
  end(): void {
    this.issues = undefined;
    // A finished walk has popped all it pushed; only one cut short by an exception has leftovers.
    // (Setting length on an empty array would drop its storage, to be allocated again next call.)
    if (this.path.length > 0) this.path.length = 0;
    if (this.ancestors.length > 0) this.ancestors.length = 0;
  }

  /**
   * Starts checking an object declared as a named type: refuses non-objects, arrays, cycles and
   * too deep nesting. On true the caller checks its properties, then calls `leaveObject`.
   */
  enterObject(value: unknown, expected: string): value is object {
    if (typeof value !== 'object' || value === null || isArray(value)) {
      this.mismatch(expected, value);
      return false;
    }
    if (this.ancestors.includes(value)) {
      this.report('acyclic value', 'cyclic reference');
      return false;
    }
    if (this.ancestors.length >= this.maxDepth) {
      if (this.noteProblem()) this.addIssue(`at most ${this.maxDepth} nested objects`, 'maximum depth exceeded');
      return false;
    }
    this.ancestors.push(value);
    return true;
  }

  leaveObject(): void {
    this.ancestors.pop();
  }

  /** The object's own `@odata.type`, if it has a string one; any other value is reported. */
  odataType(object: object): string | undefined {
    this.pushPath('@odata.type');
    const value = this.readOwn(object, '@odata.type');
    let name: string | undefined;
    if (typeof value === 'string') name = value;
    else if (value !== ABSENT && value !== undefined) this.mismatch('string', value);
    this.popPath();
    return name;
  }

  /** Reports an `@odata.type` that names neither the declared type nor a type derived from it. */
  unexpectedODataType(name: string, expected: string): void {
    this.pushPath('@odata.type');
    this.invalid(expected, name);
    this.popPath();
  }

  /**
   * Checks an object's properties as those of the type `propertyOf` belongs to. With the
   * `strict` option, reports those the type does not know, except annotations (names with `@`).
   */
  properties(object: object, propertyOf: PropertyCheck, typeName: string): void {
    this.checkProperties(object, propertyOf, typeName);
  }

  /** Like `properties`, for an open type, which accepts properties it does not declare. */
  openTypeProperties(object: object, propertyOf: PropertyCheck): void {
    this.checkProperties(object, propertyOf, undefined);
  }

  /** Checks a collection: an array whose every element passes `check` (and, for strings, `maxLength`). */
  collection(value: unknown, check: Check, maxLength?: number): void {
    if (!isArray(value)) {
      this.mismatch('array', value);
      return;
    }
    for (let index = 0; index < value.length && !this.stopped; index++) {
      this.pushPath(index);
      // A hole is checked as `undefined`: nothing is read from Array.prototype.
      const element = hasOwnProperty.call(value, index) ? this.read(value, index) : undefined;
      if (element !== ABSENT) {
        check(element, this);
        if (maxLength !== undefined) this.checkLength(element, maxLength);
      }
      this.popPath();
    }
  }

  /** Checks an enum value: one of `members`. */
  member(value: unknown, members: ReadonlySet<string>, enumName: string): void {
    if (typeof value !== 'string' || !members.has(value)) this.invalidMember(enumName, value);
  }

  /** Checks a flags enum value: one or more of `members`, separated by commas. */
  flags(value: unknown, members: ReadonlySet<string>, enumName: string): void {
    if (typeof value !== 'string' || (!members.has(value) && !areMembers(value, members))) this.invalidMember(enumName, value);
  }

  /** Reports a value of the wrong kind: `found` names the kind (`number`, `null`, `array`). */
  mismatch(expected: string, value: unknown): void {
    if (this.noteProblem()) this.addIssue(expected, kindOf(value));
  }

  /** Reports a value of the right kind but not an allowed one: `found` shows it. */
  invalid(expected: string, value: unknown): void {
    if (this.noteProblem()) this.addIssue(expected, shown(value));
  }

  /** Reports a problem in words. */
  report(expected: string, found: string): void {
    if (this.noteProblem()) this.addIssue(expected, found);
  }

  /** Checks a string against a documented maximum length, with the `checkFormats` option. */
  checkLength(value: unknown, maxLength: number): void {
    if (!this.checkFormats || typeof value !== 'string' || value.length <= maxLength) return;
    if (this.noteProblem()) this.addIssue(`string of at most ${maxLength} characters`, `string of ${value.length} characters`);
  }

  private invalidMember(enumName: string, value: unknown): void {
    if (this.noteProblem()) this.addIssue(`${enumName} member`, shown(value));
  }

  /**
   * One pass over the object's own enumerable properties. A for-in loop whose body tests
   * `hasOwnProperty.call(object, key)` is a pattern V8 compiles to a few map checks, which makes
   * this several times faster than looking up each declared property by name.
   */
  private checkProperties(object: object, propertyOf: PropertyCheck, strictTypeName: string | undefined): void {
    for (const key in object) {
      if (!hasOwnProperty.call(object, key)) continue;
      this.pushPath(key);
      const value = this.read(object, key);
      if (value !== ABSENT && value !== undefined && !propertyOf(key, value, this) && strictTypeName !== undefined) {
        this.undeclared(key, strictTypeName);
      }
      this.popPath();
      if (this.stopped) return;
    }
  }

  private undeclared(key: string, typeName: string): void {
    if (!this.strict || key.includes('@')) return;
    if (this.noteProblem()) this.addIssue(`only properties declared by ${typeName}`, 'undeclared property');
  }

  /** An own property's value, or ABSENT when there is none (or reading it threw: see `read`). */
  private readOwn(object: object, key: string): unknown {
    return hasOwnProperty.call(object, key) ? this.read(object, key) : ABSENT;
  }

  /** A property known to be own. A getter may throw: that is reported, and the result is ABSENT. */
  private read(object: object, key: string | number): unknown {
    try {
      return (object as { [key: string | number]: unknown })[key];
    } catch {
      this.report('readable property', 'exception when read');
      return ABSENT;
    }
  }

  /** Paths only serve to describe issues, so a yes-or-no walk keeps none. */
  private pushPath(segment: string | number): void {
    if (this.issues !== undefined) this.path.push(segment);
  }

  private popPath(): void {
    if (this.issues !== undefined) this.path.pop();
  }

  /** Records that a problem exists; true when it should be described (issues are being collected). */
  private noteProblem(): boolean {
    this.failed = true;
    if (this.issues === undefined) {
      this.stopped = true;
      return false;
    }
    return true;
  }

  private addIssue(expected: string, found: string): void {
    const path = pathText(this.path);
    this.issues!.push({ path, expected, found, message: `${path}: expected ${expected}, got ${found}` });
  }
}

/**
 * One idle walk kept for the next call, so a guard call allocates nothing in the common case.
 * A guard that runs while another is in progress (from a getter, say) finds none and makes its own.
 */
let idleWalk: Walk | undefined;

function borrowWalk(issues: ValidationIssue[] | undefined, options: ValidationOptions | undefined): Walk {
  const walk = idleWalk ?? new Walk();
  idleWalk = undefined;
  walk.begin(issues, options);
  return walk;
}

function returnWalk(walk: Walk): void {
  walk.end();
  idleWalk = walk;
}

/** Runs a check, turning anything it throws (a hostile Proxy, say) into a problem at the current path. */
function run(check: Check, value: unknown, walk: Walk): void {
  try {
    check(value, walk);
  } catch {
    walk.report('value that can be inspected', 'exception while checking');
  }
}

/** The `isX` guards: true when `check` finds no problem; stops at the first one. */
export function isValid(check: Check, value: unknown): boolean {
  const walk = borrowWalk(undefined, undefined);
  run(check, value, walk);
  const valid = !walk.failed;
  returnWalk(walk);
  return valid;
}

/** The `validateX` functions: every problem `check` finds. */
export function validate(check: Check, value: unknown, options: ValidationOptions | undefined): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const walk = borrowWalk(issues, options);
  run(check, value, walk);
  returnWalk(walk);
  return issues;
}

/** The `assertX` functions: throws a ValidationError listing every problem `check` finds. */
export function assertValid(check: Check, value: unknown, options: ValidationOptions | undefined, typeName: string): void {
  const issues = validate(check, value, options);
  if (issues.length > 0) throw new ValidationError(typeName, issues);
}

/** An enum's members, for `member` and `isMember`; generated modules cannot name `Set` themselves. */
export function memberSet(members: readonly string[]): ReadonlySet<string> {
  return new Set(members);
}

/** The enum `isX` guards. */
export function isMember(value: unknown, members: ReadonlySet<string>): boolean {
  return typeof value === 'string' && members.has(value);
}

/** Whether every comma-separated part of a flags value is a member, each once (spaces around parts allowed). */
function areMembers(value: string, members: ReadonlySet<string>): boolean {
  const seen: string[] = [];
  for (let start = 0; ;) {
    const comma = value.indexOf(',', start);
    const part = value.slice(start, comma < 0 ? value.length : comma).trim();
    if (!members.has(part) || seen.includes(part)) return false;
    if (comma < 0) return true;
    seen.push(part);
    start = comma + 1;
  }
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `$.a.b[2]["odd name"]` */
function pathText(path: readonly (string | number)[]): string {
  let text = '$';
  for (const segment of path) {
    if (typeof segment === 'number') text += `[${segment}]`;
    else text += IDENTIFIER.test(segment) ? `.${segment}` : `[${JSON.stringify(segment)}]`;
  }
  return text;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  return isArray(value) ? 'array' : typeof value;
}

/** The kind of a value and, for strings and numbers, the value itself (long strings cut). */
function shown(value: unknown): string {
  if (typeof value === 'number') return `number ${value}`;
  if (typeof value !== 'string') return kindOf(value);
  const cut = value.length > SHOWN_STRING_LENGTH ? `${value.slice(0, SHOWN_STRING_LENGTH)}…` : value;
  return `string ${JSON.stringify(cut)}`;
}

// ---------------------------------------------------------------------------------------------
// Checks for the Edm primitive types. Stream and Untyped properties accept anything.

/** For the elements of Untyped and Stream collections. */
export function acceptAnything(_value: unknown, _walk: Walk): void {}

export function checkString(value: unknown, walk: Walk, maxLength?: number): void {
  if (typeof value !== 'string') walk.mismatch('string', value);
  else if (maxLength !== undefined) walk.checkLength(value, maxLength);
}

export function checkBoolean(value: unknown, walk: Walk): void {
  if (typeof value !== 'boolean') walk.mismatch('boolean', value);
}

export function checkGuid(value: unknown, walk: Walk, maxLength?: number): void {
  checkFormat(value, walk, 'string (Guid)', isGuid, maxLength);
}

export function checkDate(value: unknown, walk: Walk, maxLength?: number): void {
  checkFormat(value, walk, 'string (Date)', isDate, maxLength);
}

export function checkDateTimeOffset(value: unknown, walk: Walk, maxLength?: number): void {
  checkFormat(value, walk, 'string (DateTimeOffset)', isDateTimeOffset, maxLength);
}

export function checkTimeOfDay(value: unknown, walk: Walk, maxLength?: number): void {
  checkFormat(value, walk, 'string (TimeOfDay)', isTimeOfDay, maxLength);
}

export function checkDuration(value: unknown, walk: Walk, maxLength?: number): void {
  checkFormat(value, walk, 'string (Duration)', isDuration, maxLength);
}

export function checkBinary(value: unknown, walk: Walk, maxLength?: number): void {
  checkFormat(value, walk, 'string (Binary)', isBase64, maxLength);
}

export function checkByte(value: unknown, walk: Walk): void {
  checkInteger(value, walk, 'integer (Byte)', 0, 255);
}

export function checkSByte(value: unknown, walk: Walk): void {
  checkInteger(value, walk, 'integer (SByte)', -128, 127);
}

export function checkInt16(value: unknown, walk: Walk): void {
  checkInteger(value, walk, 'integer (Int16)', -32768, 32767);
}

export function checkInt32(value: unknown, walk: Walk): void {
  checkInteger(value, walk, 'integer (Int32)', -2147483648, 2147483647);
}

/** JSON numbers lose precision beyond 2^53, so the Int64 range is checked as doubles: ±2^63. */
export function checkInt64(value: unknown, walk: Walk): void {
  checkInteger(value, walk, 'integer (Int64)', -9223372036854775808, 9223372036854775808);
}

export function checkSingle(value: unknown, walk: Walk): void {
  checkFloatingPoint(value, walk, 'number (Single)');
}

export function checkDouble(value: unknown, walk: Walk): void {
  checkFloatingPoint(value, walk, 'number (Double)');
}

export function checkDecimal(value: unknown, walk: Walk): void {
  if (typeof value !== 'number') walk.mismatch('number (Decimal)', value);
  else if (!isFiniteNumber(value)) walk.invalid('number (Decimal)', value);
}

function checkFormat(value: unknown, walk: Walk, expected: string, isWellFormed: (text: string) => boolean, maxLength: number | undefined): void {
  if (typeof value !== 'string') walk.mismatch(expected, value);
  else if (walk.checkFormats && !isWellFormed(value)) walk.invalid(expected, value);
  else if (maxLength !== undefined) walk.checkLength(value, maxLength);
}

function checkInteger(value: unknown, walk: Walk, expected: string, min: number, max: number): void {
  if (typeof value !== 'number') walk.mismatch(expected, value);
  else if (!isInteger(value) || value < min || value > max) walk.invalid(expected, value);
}

/** A finite number, or one of the strings OData JSON uses for the IEEE 754 special values. */
function checkFloatingPoint(value: unknown, walk: Walk, expected: string): void {
  if (typeof value === 'number') {
    if (!isFiniteNumber(value)) walk.invalid(expected, value);
  } else if (value !== 'NaN' && value !== 'INF' && value !== '-INF') {
    if (typeof value === 'string') walk.invalid(expected, value);
    else walk.mismatch(expected, value);
  }
}

// ---------------------------------------------------------------------------------------------
// Edm string formats, after the OData ABNF. Built once here: nothing is compiled per call.

const GUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;
/** A year is four digits, or more without a leading zero, and may be negative. */
const DATE = /^-?(?:[1-9]\d{4,}|\d{4})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])$/;
const TIME_OF_DAY = /^(?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,12})?)?$/;
/** DATE, `T`, TIME_OF_DAY and a zone. ABNF literals are case-insensitive, so `t` and `z` are allowed too. */
const DATE_TIME_OFFSET =
  /^-?(?:[1-9]\d{4,}|\d{4})-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:\.\d{1,12})?)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;
/**
 * Edm.Duration is days to seconds (`P1DT2H3M4.5S`); the years, months and weeks of ISO 8601
 * are allowed too, since Graph documents some Duration properties with them.
 */
const DURATION = /^[-+]?P(?=\d|T\d)(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?=\d)(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d+)?S)?)?$/;

function isGuid(text: string): boolean {
  return GUID.test(text);
}

function isDate(text: string): boolean {
  return DATE.test(text) && dayExists(text, text.length);
}

function isDateTimeOffset(text: string): boolean {
  if (!DATE_TIME_OFFSET.test(text)) return false;
  const time = text.indexOf('T', 5);
  return dayExists(text, time >= 0 ? time : text.indexOf('t', 5));
}

function isTimeOfDay(text: string): boolean {
  return TIME_OF_DAY.test(text);
}

function isDuration(text: string): boolean {
  return DURATION.test(text);
}

/**
 * Whether the day of a date whose shape is already checked exists (no 30 February). `dateEnd`
 * is where `yyyy-mm-dd` ends. Reads digits in place: no match arrays, no substrings.
 */
function dayExists(text: string, dateEnd: number): boolean {
  const day = twoDigits(text, dateEnd - 2);
  if (day <= 28) return true;
  const month = twoDigits(text, dateEnd - 5);
  if (month !== 2) return day <= (month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31);
  return day === 29 && isLeapYear(yearOf(text, dateEnd - 6));
}

function twoDigits(text: string, start: number): number {
  return (text.charCodeAt(start) - 48) * 10 + (text.charCodeAt(start + 1) - 48);
}

function yearOf(text: string, end: number): number {
  const negative = text.charCodeAt(0) === 45; // '-'
  let year = 0;
  for (let index = negative ? 1 : 0; index < end; index++) year = year * 10 + (text.charCodeAt(index) - 48);
  return negative ? -year : year;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/**
 * Base64 as OData JSON sends binary: the URL-safe alphabet, or the standard one Graph also uses,
 * padded or not. A loop rather than a regular expression, since binary values can be megabytes.
 */
function isBase64(text: string): boolean {
  let end = text.length;
  while (end > 0 && text.length - end < 2 && text.charCodeAt(end - 1) === 61) end--; // '='
  if (end < text.length && text.length % 4 !== 0) return false;
  if (end % 4 === 1) return false;
  for (let index = 0; index < end; index++) {
    if (!isBase64Character(text.charCodeAt(index))) return false;
  }
  return true;
}

function isBase64Character(code: number): boolean {
  return (code >= 65 && code <= 90) // A-Z
    || (code >= 97 && code <= 122) // a-z
    || (code >= 48 && code <= 57) // 0-9
    || code === 43 || code === 47 // + /
    || code === 45 || code === 95; // - _
}
