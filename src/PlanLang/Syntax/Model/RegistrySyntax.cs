using System.Collections.Immutable;
using PlanLang.Diagnostics;

namespace PlanLang.Syntax.Model;

public sealed record RegistrySyntax(
    string File,
    SourceSpan Span,
    Spanned<string>? Id,
    ImmutableArray<JurisdictionSyntax> Jurisdictions,
    ImmutableArray<OrganizationSyntax> Organizations,
    ImmutableArray<ResourceSyntax> Resources,
    ImmutableArray<AgreementSyntax> Agreements)
{
    /// <summary>Every reference field's value, in file order, as the shape model declares them.</summary>
    public ImmutableArray<ReferenceSyntax> References { get; init; } = [];

    public ImmutableArray<PersonSyntax> People { get; init; } = [];

    public ImmutableArray<PostSyntax> Posts { get; init; } = [];

    public ImmutableArray<RosterSyntax> Rosters { get; init; } = [];
}

/// <summary>Someone who can sign in to the service and be called (叫应).</summary>
public sealed record PersonSyntax(Spanned<string> Id, string? Name, Spanned<string>? Organization, string? Phone, string? Email);

/// <summary>A position people hold (局长, 值班员); a plan's role names it in <c>post</c> or <c>backup-post</c>.</summary>
public sealed record PostSyntax(Spanned<string> Id, string? Title, Spanned<string>? Organization, ImmutableArray<Spanned<string>> Holders);

/// <summary>A duty roster (值班表): one 24-hour shift a day from the handover time, taken in turn by
/// <see cref="People"/> from <see cref="From"/>, with single days given to someone else in <see cref="Shifts"/>.</summary>
public sealed record RosterSyntax(SourceSpan Span, Spanned<string> Post, Spanned<string>? Handover, DateOnly? From, DateOnly? Until, ImmutableArray<Spanned<string>> People, ImmutableArray<(DateOnly On, Spanned<string> Person)> Shifts);

public sealed record JurisdictionSyntax(Spanned<string> Id, string? Name, string? Tier, Spanned<string>? Parent, ExpressionSource? Population, ExpressionSource? Area)
{
    /// <summary>The administrative-division code (行政区划代码) or another geocode (NUTS3, UGC) alerts use.</summary>
    public string? Code { get; init; }
}

public sealed record OrganizationSyntax(Spanned<string> Id, string? Name, Spanned<string>? Jurisdiction, Spanned<string>? Parent)
{
    public string? Phone { get; init; }
}

public sealed record ResourceSyntax(
    Spanned<string> Id,
    string? Name,
    string? Kind,
    Spanned<string>? In,
    Spanned<string>? Owner,
    string? Group,
    ImmutableArray<(string Field, ExpressionSource Value)> Quantities,
    ImmutableArray<NeedSyntax> Stock,
    ImmutableArray<string> Hazards,
    ImmutableArray<string> Specialty)
{
    public string? Phone { get; init; }
}

public sealed record AgreementSyntax(Spanned<string> Id, string? Title, ImmutableArray<Spanned<string>> Parties, string? From);

public sealed record ConfigSyntax(
    string File,
    ImmutableArray<NeedSyntax> Norms,
    ImmutableArray<(Spanned<string> Key, string Level)> Rules,
    string? Language,
    CoverageSyntax Coverage,
    LifecycleConfigSyntax Lifecycle)
{
    /// <summary>The IANA time zone times are shown and read in; null for the default (Asia/Shanghai).</summary>
    public Spanned<string>? TimeZone { get; init; }

    /// <summary>Stock item names the workspace adds to or overrides in the built-in list.</summary>
    public ImmutableArray<Domain.StockItem> StockItems { get; init; } = [];

    /// <summary>What <c>planlang serve</c> reads: the link base, duty posts and notification channels.</summary>
    public ServiceConfigSyntax Service { get; init; } = ServiceConfigSyntax.None;
}

public sealed record ServiceConfigSyntax(string? Url, ImmutableArray<Spanned<string>> DutyPosts, SmtpSyntax? Smtp, ImmutableArray<WebhookSyntax> Webhooks)
{
    public static ServiceConfigSyntax None { get; } = new(null, [], null, []);
}

/// <summary>An SMTP server; credentials are read from the environment variables named, never from the file.</summary>
public sealed record SmtpSyntax(string Host, int Port, string From, string? Security, string? UserVariable, string? PasswordVariable);

/// <summary>A group robot (群机器人) of 企业微信 (<c>wecom</c>) or 钉钉 (<c>dingtalk</c>).</summary>
public sealed record WebhookSyntax(string Kind, string? Url, string? UrlVariable, string? SecretVariable, string? Name);

/// <summary>Which jurisdictions the workspace answers for, and the hazards each tier must have a plan for.</summary>
public sealed record CoverageSyntax(ImmutableArray<string> Within, ImmutableDictionary<string, ImmutableArray<string>> ByTier);

/// <summary>Deadlines; null where the built-in default applies.</summary>
public sealed record Deadlines(int? FilingWorkingDays, int? EvaluationYears, ImmutableDictionary<string, int> DrillMonths);

public sealed record LifecycleConfigSyntax(
    Deadlines Defaults,
    ImmutableArray<DateOnly> Holidays,
    ImmutableArray<DateOnly> Workdays,
    ImmutableDictionary<string, Deadlines> ByJurisdiction);
