using PlanLang.Expressions;
using PlanLang.Import.Extraction;

namespace PlanLang.Tests.Import;

/// <summary>Trigger clauses of real plans to the expression language — and the clauses that must stay text, because a
/// wrong trigger is worse than a missing one.</summary>
public sealed class TriggerPhraseTests
{
    [Theory]
    [InlineData("气象部门发布台风蓝色预警信号", "warning.typhoon >= blue")]
    [InlineData("市气象台发布暴雨橙色预警信号；", "warning.rainstorm >= orange")]
    [InlineData("发布台风红色或橙色预警", "warning.typhoon >= orange")]
    [InlineData("发布地质灾害气象风险黄色预警", "warning.geological >= yellow")]
    [InlineData("24小时降雨量达到100毫米以上", "rain.h24 >= 100 mm")]
    [InlineData("3小时降雨量达50毫米以上", "rain.h3 >= 50 mm")]
    [InlineData("造成死亡3人以上", "casualties.deaths >= 3 persons")]
    [InlineData("死亡三人以上", "casualties.deaths >= 3 persons")]
    [InlineData("造成3人以上10人以下死亡", "casualties.deaths >= 3 persons and casualties.deaths < 10 persons")]
    [InlineData("死亡（含失踪）10人以上", "casualties.deaths + casualties.missing >= 10 persons")]
    [InlineData("需紧急转移群众1万人以上", "evacuees >= 10000 persons")]
    [InlineData("需转移安置人员5000人以上", "evacuees >= 5000 persons")]
    [InlineData("直接经济损失1000万元以上", "loss.direct >= 1000 万元")]
    [InlineData("直接经济损失1亿元以上", "loss.direct >= 10000 万元")]
    [InlineData("平均风力达到10级以上", "wind.mean >= 10 级")]
    [InlineData("倒塌房屋50间以上", "houses.collapsed >= 50 each")]
    [InlineData("发布台风黄色预警或24小时降雨量达到100毫米以上", "warning.typhoon >= yellow or rain.h24 >= 100 mm")]
    public void A_clause_maps_to_its_condition(string clause, string expected)
    {
        var mapped = TriggerPhrases.Map(clause);
        Assert.Equal(expected, mapped.Expression);

        // The condition is one the language accepts: it parses and every input is a built-in one.
        var parsed = ExpressionParser.Parse(expected, condition: true);
        Assert.Empty(parsed.Errors);
    }

    [Theory]
    [InlineData("预计未来24小时降雨量将达100毫米以上")]
    [InlineData("台风可能对我区造成严重影响")]
    [InlineData("发布台风蓝色预警，且对我区有较大影响")]
    [InlineData("经研判需要启动Ⅳ级响应的其他情形")]
    [InlineData("发生较大以上生产安全事故")]
    [InlineData("过程降雨量达到200毫米以上")]
    [InlineData("造成较大社会影响")]
    public void A_clause_the_patterns_do_not_fully_explain_stays_text(string clause)
    {
        Assert.Null(TriggerPhrases.Map(clause).Expression);
    }
}
