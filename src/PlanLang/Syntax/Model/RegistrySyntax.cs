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
    ImmutableArray<AgreementSyntax> Agreements);

public sealed record JurisdictionSyntax(Spanned<string> Id, string? Name, string? Tier, Spanned<string>? Parent, ExpressionSource? Population, ExpressionSource? Area);

public sealed record OrganizationSyntax(Spanned<string> Id, string? Name, Spanned<string>? Jurisdiction, Spanned<string>? Parent);

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
    ImmutableArray<string> Specialty);

public sealed record AgreementSyntax(Spanned<string> Id, string? Title, ImmutableArray<Spanned<string>> Parties, string? From);

public sealed record ConfigSyntax(
    string File,
    ImmutableArray<NeedSyntax> Norms,
    ImmutableDictionary<string, string> Rules,
    string? Language);
