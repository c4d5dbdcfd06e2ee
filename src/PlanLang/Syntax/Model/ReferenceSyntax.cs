using PlanLang.Syntax.Schema;

namespace PlanLang.Syntax.Model;

/// <summary>A value written where the shape model expects a reference, as the shape checker found it.</summary>
public sealed record ReferenceSyntax(Spanned<string> Name, ReferenceShape Shape);
