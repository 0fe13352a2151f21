namespace Dispatch.Sla;

/// <summary>
/// One version of the deadline rules (deploy/reference-data/sla-rules/v{version}.json; all of them are <see cref="SlaRuleVersions"/>).
/// A ticket, legal-aid case or visit keeps the version it was created under, so a rule set is never edited in place: a new
/// version is published instead.
/// </summary>
public sealed class SlaRuleSet
{
    private readonly IReadOnlyList<KindRule> ticketRules;
    private readonly IReadOnlyDictionary<string, SlaDuration> legalAid;
    private readonly IReadOnlyDictionary<string, SlaDuration> rehab;
    private readonly IReadOnlyDictionary<string, SlaDuration> petition;

    internal SlaRuleSet(
        int version, DateOnly effectiveFrom, int warningAtPercent, IReadOnlyList<KindRule> ticketRules,
        IReadOnlyDictionary<string, SlaDuration> legalAid, string legalAidDecisionFrom, IReadOnlyDictionary<string, SlaDuration> rehab,
        IReadOnlyDictionary<string, SlaDuration> petition, IReadOnlyList<SlaRuleSource> sources)
    {
        Sources = sources;
        Version = version;
        EffectiveFrom = effectiveFrom;
        WarningAtPercent = warningAtPercent;
        this.ticketRules = ticketRules;
        this.legalAid = legalAid;
        LegalAidDecisionFrom = legalAidDecisionFrom;
        this.rehab = rehab;
        this.petition = petition;
    }

    public int Version { get; }
    public DateOnly EffectiveFrom { get; }

    /// <summary>Who published this version through the API, when and why; null for a version shipped as a file.</summary>
    public SlaRulePublication? Publication { get; private init; }

    /// <summary>The same rules, marked as published by an administrator.</summary>
    public SlaRuleSet PublishedAs(SlaRulePublication publication) => new(
        Version, EffectiveFrom, WarningAtPercent, ticketRules, legalAid, LegalAidDecisionFrom, rehab, petition, Sources)
    {
        Publication = publication,
    };

    /// <summary>The share of a clock after which it warns (预警), 1-100.</summary>
    public int WarningAtPercent { get; }

    public IReadOnlyList<KindRule> TicketEntries => ticketRules;

    /// <summary>Where each rule of this version comes from, as the file says: statute, ministry rules or local practice.</summary>
    public IReadOnlyList<SlaRuleSource> Sources { get; }

    public IReadOnlyDictionary<string, SlaDuration> LegalAidLengths => legalAid;

    /// <summary>
    /// Where a legal-aid decision clock starts: <see cref="FromReceipt"/> of the application (《法律援助法》 Art. 43) or
    /// <see cref="FromAcceptance"/> by the station (the 2012 procedural rules).
    /// </summary>
    public string LegalAidDecisionFrom { get; }

    /// <summary>The applicant's objection window, when this version has one (local practice in v1; the Law sets none).</summary>
    public SlaDuration? LegalAidObjectionWindow => legalAid.TryGetValue(LegalAidObjectionWindowClock, out var window) ? window : null;

    public IReadOnlyDictionary<string, SlaDuration> RehabLengths => rehab;
    public IReadOnlyCollection<string> LegalAidClocks => [.. legalAid.Keys];
    public IReadOnlyCollection<string> RehabClocks => [.. rehab.Keys];

    /// <summary>The petition procedure's limits (《信访工作条例》), by clock name; see <see cref="PetitionClocks"/>.</summary>
    public IReadOnlyDictionary<string, SlaDuration> PetitionLengths => petition;

    public static SlaRuleSet Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new SlaRulesException($"SLA rules file not found: {path}");
        }
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads and validates rules JSON; <paramref name="source"/> names it in error messages.</summary>
    public static SlaRuleSet Parse(string json, string source) => SlaRulesReader.Read(json, source);

    /// <summary>The clock names of a ticket rule, as the rule files spell them.</summary>
    public const string SignFor = "signFor", Handling = "handling", Callback = "callback", ExtensionCap = "extensionCap";

    /// <summary>The ticket rule for a kind and urgency. The most specific rule wins: an exact kind beats "*".</summary>
    public KindRule ForKind(string kind, string urgency)
    {
        var matching = ticketRules.Where(rule => rule.Matches(kind, urgency)).ToList();
        var chosen = matching.Find(rule => rule.Kind == kind) ?? matching.Find(rule => rule.Kind == KindRule.AnyKind);
        return chosen ?? throw new SlaRuleNotFoundException(
            $"SLA rules version {Version} have no ticket rule for kind '{kind}' with urgency '{urgency}'. " +
            $"Rules exist for: {string.Join(", ", ticketRules.Select(rule => $"{rule.Kind}/{rule.Urgency}"))}.");
    }

    /// <summary>The clock names of petitionRules: every one must be present.</summary>
    public const string PetitionAcceptance = "acceptance", PetitionReply = "reply", PetitionExtension = "extension",
        PetitionReviewRequest = "review_request", PetitionReview = "review", PetitionReReviewRequest = "re_review_request",
        PetitionReReview = "re_review", PetitionFirstContact = "urgent_first_contact", PetitionCallback = "callback";

    public static IReadOnlyList<string> PetitionClocks { get; } =
    [
        PetitionAcceptance, PetitionReply, PetitionExtension, PetitionReviewRequest, PetitionReview,
        PetitionReReviewRequest, PetitionReReview, PetitionFirstContact, PetitionCallback,
    ];

    /// <summary>A petition clock by name, for example "acceptance" (15 days from receipt).</summary>
    public SlaDuration Petition(string clock) => Named(petition, clock, "petition");

    /// <summary>The clock names of legalAidRules; the objection window is optional (the Law gives the applicant none).</summary>
    public const string LegalAidDecision = "decision", LegalAidAssignment = "assignment", LegalAidAgreement = "agreement",
        LegalAidObjectionWindowClock = "objection_window", LegalAidObjectionReview = "objection_review";

    public static IReadOnlyList<string> LegalAidRequiredClocks { get; } =
        [LegalAidDecision, LegalAidAssignment, LegalAidAgreement, LegalAidObjectionReview];

    /// <summary>Where a legal-aid decision clock may start (legalAidRules decision "from").</summary>
    public const string FromReceipt = "receipt", FromAcceptance = "acceptance";

    /// <summary>The clock names of rehabRules: every one must be present.</summary>
    public const string RehabFirstVisit = "first_visit", RehabVisitWindow = "visit_window", RehabRecord = "record";

    public static IReadOnlyList<string> RehabClocksRequired { get; } = [RehabFirstVisit, RehabVisitWindow, RehabRecord];

    /// <summary>A legal-aid clock by name, for example "decision" (7 working days).</summary>
    public SlaDuration LegalAid(string clock) => Named(legalAid, clock, "legal-aid");

    /// <summary>A home-rehabilitation clock by name, for example "first_visit" (5 working days).</summary>
    public SlaDuration Rehab(string clock) => Named(rehab, clock, "rehabilitation");

    private SlaDuration Named(IReadOnlyDictionary<string, SlaDuration> clocks, string clock, string what) =>
        clocks.TryGetValue(clock, out var duration)
            ? duration
            : throw new SlaRuleNotFoundException(
                $"SLA rules version {Version} have no {what} clock '{clock}'. Known clocks: {string.Join(", ", clocks.Keys)}.");
}

/// <summary>One rule's origin: the item, the rule's name (kind/urgency or clock), its source and an optional note.</summary>
/// <param name="From">Where the clock starts, when the rule says (a legal-aid decision: receipt or acceptance).</param>
public sealed record SlaRuleSource(string Item, string Name, string Source, string? Note, string? From = null);
