namespace PlanLang.Expressions.Bound;

/// <summary>Walks bound nodes.</summary>
public static class BoundTree
{
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
            switch (current)
            {
                case BoundNot n:
                    stack.Push(n.Operand);
                    break;
                case BoundNegate n:
                    stack.Push(n.Operand);
                    break;
                case BoundLogical l:
                    stack.Push(l.Right);
                    stack.Push(l.Left);
                    break;
                case BoundArithmetic a:
                    stack.Push(a.Right);
                    stack.Push(a.Left);
                    break;
                case BoundComparison c:
                    stack.Push(c.Right);
                    stack.Push(c.Left);
                    break;
                case BoundCall c:
                    PushReversed(stack, c.Arguments);
                    break;
                case BoundError e:
                    PushReversed(stack, e.Children);
                    break;
            }
        }
    }

    /// <summary>The node reads no input, scenario value or norm: its value is the same in every incident.</summary>
    public static bool IsConstant(BoundNode node) =>
        !Descendants(node).Any(n => n is BoundInput or BoundScenarioValue or BoundNormValue);

    private static void PushReversed(Stack<BoundNode> stack, System.Collections.Immutable.ImmutableArray<BoundNode> nodes)
    {
        for (var i = nodes.Length - 1; i >= 0; i--)
        {
            stack.Push(nodes[i]);
        }
    }
}
