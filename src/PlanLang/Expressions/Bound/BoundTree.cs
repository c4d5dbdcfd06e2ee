namespace PlanLang.Expressions.Bound;

/// <summary>Walks bound nodes.</summary>
public static class BoundTree
{
    public static IEnumerable<BoundNode> Children(BoundNode node) => node switch
    {
        BoundNot n => [n.Operand],
        BoundNegate n => [n.Operand],
        BoundLogical l => [l.Left, l.Right],
        BoundArithmetic a => [a.Left, a.Right],
        BoundComparison c => [c.Left, c.Right],
        BoundCall c => c.Arguments,
        BoundError e => e.Children,
        _ => [],
    };

    /// <summary>The node and everything under it, depth-first, left to right; iterative, so a long chain cannot
    /// overflow the stack.</summary>
    public static IEnumerable<BoundNode> Descendants(BoundNode node)
    {
        var stack = new Stack<BoundNode>();
        stack.Push(node);
        while (stack.Count > 0)
        {
            var current = stack.Pop();
            yield return current;
            foreach (var child in Children(current).Reverse())
            {
                stack.Push(child);
            }
        }
    }

    /// <summary>True when the node reads no input, scenario value or norm: its value is known when the plan is checked.</summary>
    public static bool IsConstant(BoundNode node) =>
        Descendants(node).All(n => n is not (BoundInput or BoundScenarioValue or BoundNormValue or BoundError));
}
