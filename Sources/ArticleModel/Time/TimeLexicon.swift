/// The words the temporal scanner knows: months, weekdays, numbers in words, units, seasons,
/// parts of the day, and the cue words of tense. All keys are lower-case.
enum TimeLexicon {
  // MARK: - Calendar names

  /// Month names and abbreviations ("sept", "jan."), 1…12. "may" and "march" need a capital
  /// and context; the scanner checks that.
  static let months: [String: Int] = {
    var m: [String: Int] = [:]
    let full = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
    ]
    for (i, name) in full.enumerated() { m[name] = i + 1 }
    let abbreviations: [(String, Int)] = [
      ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
      ("sep", 9), ("sept", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ]
    for (a, n) in abbreviations {
      m[a + "."] = n
      m[a] = n
    }
    return m
  }()

  /// Month abbreviations that are also ordinary words or names without their full stop.
  static let ambiguousMonthWords: Set<String> = [
    "may", "march", "mar", "jun", "jan", "dec", "sep", "oct", "aug", "apr", "jul", "nov", "feb",
    "sept",
  ]

  /// Weekdays, ISO numbering 1 = Monday … 7 = Sunday.
  static let weekdays: [String: Int] = [
    "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
    "sunday": 7, "mon.": 1, "tue.": 2, "tues.": 2, "wed.": 3, "thu.": 4, "thur.": 4, "thurs.": 4,
    "fri.": 5, "sat.": 6, "sun.": 7,
  ]

  /// Seasons and their TIMEX3 codes.
  static let seasons: [String: String] = [
    "spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
  ]

  /// Parts of the day and their TIMEX3 codes.
  static let partsOfDay: [String: String] = [
    "morning": "TMO", "afternoon": "TAF", "evening": "TEV", "night": "TNI", "overnight": "TNI",
    "midday": "T12:00", "noon": "T12:00", "midnight": "T24:00", "dawn": "TMO", "daybreak": "TMO",
    "mid-morning": "TMO", "mid-afternoon": "TAF", "late-night": "TNI",
  ]

  // MARK: - Numbers

  /// Cardinal numbers in words.
  static let cardinals: [String: Int] = [
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "hundred": 100, "thousand": 1000, "dozen": 12,
  ]

  /// Ordinal numbers in words.
  static let ordinals: [String: Int] = [
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30, "twenty-first": 21, "twenty-second": 22,
    "twenty-third": 23, "twenty-fourth": 24, "twenty-fifth": 25, "twenty-sixth": 26,
    "twenty-seventh": 27, "twenty-eighth": 28, "twenty-ninth": 29, "thirty-first": 31,
  ]

  /// Decades in words: "the sixties".
  static let decadeWords: [String: Int] = [
    "twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6, "seventies": 7,
    "eighties": 8, "nineties": 9,
  ]

  /// The value of a number in words, including hyphenated compounds ("twenty-five").
  static func cardinal(_ w: String) -> Int? {
    if let n = cardinals[w] { return n }
    guard let dash = w.firstIndex(of: "-") else { return nil }
    let a = String(w[..<dash])
    let b = String(w[w.index(after: dash)...])
    if let tens = cardinals[a], tens >= 20, tens % 10 == 0, tens < 100, let unit = cardinals[b],
      unit >= 1, unit <= 9
    {
      return tens + unit
    }
    return nil
  }

  /// "8th", "21st", "third", "twenty-first".
  static func ordinal(_ w: String) -> Int? {
    if let n = ordinals[w] { return n }
    let u = Array(w.utf8)
    guard u.count >= 3, u.count <= 4 else { return nil }
    let suffix = String(decoding: u[(u.count - 2)...], as: UTF8.self)
    guard ["st", "nd", "rd", "th"].contains(suffix) else { return nil }
    return Int(String(decoding: u[..<(u.count - 2)], as: UTF8.self))
  }

  // MARK: - Units

  /// Calendar units, from the smallest.
  enum Unit: Int, Sendable, Comparable {
    case second, minute, hour, day, weekend, week, month, quarter, half, year, decade, century,
      millennium

    static func < (a: Unit, b: Unit) -> Bool { a.rawValue < b.rawValue }

    /// Whether the ISO duration puts the unit after the "T".
    var isClock: Bool { self <= .hour }

    /// The duration letter(s) for `n` of this unit: "P4Y", "PT3H", "P2Q"; a half is written
    /// in the next smaller unit ("2.5" years → "P2Y6M").
    func duration(_ n: String) -> String {
      if n.hasSuffix(".5"), let whole = Int(n.dropLast(2)) {
        let w = whole > 0 ? duration(String(whole)) : "P"
        switch self {
        case .year: return w + "6M"
        case .month: return w + "15D"
        case .day: return w + "T12H"
        case .hour: return (whole > 0 ? w : "PT") + "30M"
        case .minute: return (whole > 0 ? w : "PT") + "30S"
        case .week: return "P\(whole * 7 + 3)D"
        default: break
        }
      }
      switch self {
      case .second: return "PT\(n)S"
      case .minute: return "PT\(n)M"
      case .hour: return "PT\(n)H"
      case .day: return "P\(n)D"
      case .weekend: return n == "1" ? "P2D" : "P\(n)WE"
      case .week: return "P\(n)W"
      case .month: return "P\(n)M"
      case .quarter: return "P\(n)Q"
      case .half: return n == "1" ? "P6M" : "P\(n)H"
      case .year: return "P\(n)Y"
      case .decade:
        if let k = Int(n) { return "P\(k * 10)Y" }
        return "P\(n)E"
      case .century:
        if let k = Int(n) { return "P\(k * 100)Y" }
        return "P\(n)C"
      case .millennium:
        if let k = Int(n) { return "P\(k * 1000)Y" }
        return "P\(n)L"
      }
    }
  }

  /// Unit nouns, singular and plural.
  static let units: [String: Unit] = [
    "second": .second, "seconds": .second, "sec": .second, "secs": .second,
    "minute": .minute, "minutes": .minute, "min": .minute, "mins": .minute,
    "hour": .hour, "hours": .hour, "hrs": .hour,
    "day": .day, "days": .day, "weekend": .weekend, "weekends": .weekend,
    "week": .week, "weeks": .week, "month": .month, "months": .month,
    "quarter": .quarter, "quarters": .quarter, "year": .year, "years": .year,
    "decade": .decade, "decades": .decade, "century": .century, "centuries": .century,
    "millennium": .millennium, "millennia": .millennium,
  ]

  /// Words before "one day" that make it "some day ahead": "will one day be", "to one day
  /// return", "he hopes one day to".
  static let futureBeforeOneDay: Set<String> = [
    "will", "would", "could", "might", "may", "can", "shall", "should", "must", "to", "'ll",
    "hope", "hopes", "hoped", "hoping", "dream", "dreams", "wish", "wishes",
  ]

  /// Adverbs and adjectives of recurrence: "annually" → P1Y.
  static let setAdverbs: [String: String] = [
    "annually": "P1Y", "yearly": "P1Y", "monthly": "P1M", "weekly": "P1W",
    "daily": "P1D", "nightly": "P1D", "hourly": "PT1H", "quarterly": "P3M", "biannually": "P6M",
    "semiannually": "P6M", "semi-annually": "P6M", "biweekly": "P2W", "fortnightly": "P2W",
  ]

  /// Vague references: words that stand alone as a TIMEX3.
  static let references: [String: String] = [
    "now": "PRESENT_REF", "currently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "presently": "PRESENT_REF", "recently": "PAST_REF", "lately": "PAST_REF",
    "soon": "FUTURE_REF",
    "meanwhile": "", "today": "", "yesterday": "", "tomorrow": "", "tonight": "",
  ]

  // MARK: - Triggers

  /// Every word that can start a time expression; the scanner skips all other words at once.
  static let triggers: Set<String> = {
    var t = Set<String>()
    t.formUnion(months.keys)
    t.formUnion(weekdays.keys)
    t.formUnion(setAdverbs.keys)
    t.formUnion(references.keys)
    t.formUnion(cardinals.keys)
    t.formUnion(ordinals.keys)
    t.formUnion(units.keys)
    t.formUnion(seasons.keys)
    t.formUnion(partsOfDay.keys)
    t.formUnion(decadeWords.keys)
    t.formUnion([
      "the", "that", "its", "this", "these", "today", "yesterday", "tomorrow", "tonight", "recent",
      "every", "each", "once", "twice", "thrice", "noon", "midnight", "midday", "fiscal", "fy",
      "mid",
      "a", "an", "several", "few", "many", "some", "couple", "half", "dozens", "hundreds",
      "thousands", "christmas", "easter", "thanksgiving", "halloween", "new", "independence",
      "labor", "memorial", "valentine", "current", "last", "past", "previous", "next", "coming",
      "following", "right", "just", "future", "year", "mondays", "tuesdays", "wednesdays",
      "thursdays", "fridays", "saturdays", "sundays",
    ])
    return t
  }()

  // MARK: - Tense cues

  /// Words that put a clause in the future.
  static let futureCues: Set<String> = [
    "will", "'ll", "’ll", "shall", "wo", "going", "expects", "expect", "intends",
  ]

  /// Words that, before "to", put the clause in the future: "scheduled to", "is to".
  static let futureBeforeTo: Set<String> = [
    "scheduled", "expected", "set", "planned", "planning", "plans", "slated", "is", "are", "going",
    "likely", "intends", "intended", "hopes", "hoped", "wants", "agreed", "decided", "ready",
  ]

  /// Words just before a date that point it ahead of the document date: "payable Dec. 1",
  /// "effective Feb. 1", "until March 6", "expire Nov. 21".
  static let futureSignals: Set<String> = [
    "payable", "effective", "until", "till", "through", "expire", "expires", "expiring", "due",
    "starting",
  ]

  /// Verbs of scheduled events whose present tense speaks of the future: "the board meets on
  /// Friday", "talks start at 10 a.m. on Thursday", "the show opens Tuesday".
  /// Verbs of planning: a day named after one dates the planned event.
  static let planningVerbs: Set<String> = [
    "plan", "plans", "planned", "planning", "schedule", "schedules", "scheduled", "scheduling",
  ]

  static let scheduleVerbs: Set<String> = [
    "meet", "meets", "start", "starts", "begin", "begins", "open", "opens", "resume", "resumes",
    "convene", "convenes", "arrive", "arrives", "depart", "departs", "leave", "leaves",
    "travel", "travels", "host", "hosts", "kick", "kicks", "fly", "flies", "sail", "sails",
    "reopen", "reopens", "expire", "expires",
  ]

  /// Verbs that put something off to a later time: "postponed until Tuesday".
  static let deferralVerbs: Set<String> = [
    "postpone", "postponed", "postpones", "delay", "delayed", "delays", "extend", "extended",
    "extends", "adjourn", "adjourned", "adjourns", "defer", "deferred", "defers", "suspended",
    "recessed", "given", "gave",
  ]

  /// Present-tense auxiliaries and verbs.
  static let presentCues: Set<String> = [
    "is", "are", "am", "has", "have", "does", "do", "says", "say", "remains", "continues",
  ]

  /// Irregular past forms (a sample of the frequent ones in news).
  static let irregularPast: Set<String> = [
    "was", "were", "had", "did", "said", "told", "went", "came", "made", "took", "gave", "got",
    "saw", "became", "began", "left", "met", "held", "won", "lost", "fell", "rose", "sold",
    "bought", "paid", "found", "thought", "brought", "kept", "ran", "wrote", "spoke", "led",
    "struck", "shot", "fought", "knew", "grew", "drew", "flew", "threw", "stood", "sent", "spent",
    "built", "felt", "heard", "meant", "broke", "chose", "drove", "ate", "forgot", "hit", "hung",
    "laid", "lay", "lent", "quit", "rang", "sank", "shook", "slid", "spun", "stole", "swore",
    "taught", "tore", "understood", "woke", "wore", "been", "gone", "done", "seen", "taken",
    "given", "known", "shown", "fallen", "risen", "begun", "written", "spoken", "chosen",
    "driven", "forgotten", "struck", "sought", "caught", "withdrew", "overtook", "undertook",
    "sang", "swam", "drank", "fled", "fed", "hid", "rode", "sat", "slept", "sped", "spat", "stuck",
    "swept", "swung", "wept", "arose", "awoke", "bent", "bled", "dealt", "dug", "froze", "knelt",
    "leapt", "lit", "shone", "shrank", "sprang", "stung", "strode", "fought", "foresaw", "oversaw",
    "mistook", "forgave", "bore", "wrung", "slung", "clung", "crept", "spent", "upheld", "withheld",
  ]

  /// Words in "-ed" that are not past verbs.
  static let edExceptions: Set<String> = [
    "need", "speed", "feed", "hundred", "indeed", "proceed", "succeed", "exceed", "seed", "red",
    "bed", "shed", "united", "based", "weed", "greed", "creed", "breed", "bleed", "deed", "steed",
    "embed", "limited", "related", "interested", "concerned", "supposed", "used", "expected",
    "scheduled", "planned", "proposed", "advanced", "detailed", "sophisticated", "qualified",
    "experienced", "armed", "skilled", "estimated", "projected", "anticipated", "forecasted",
    "ted", "ned", "reed", "sled", "wed", "med",
  ]
}
