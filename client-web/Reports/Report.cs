using Dispatch.Stats;

namespace Dispatch.Web.Reports;

/// <summary>
/// A monthly or yearly report of one scope: a copy of the stats snapshot's figures for that scope and period (and its
/// children's headline figures), with what a printed report needs around them. It holds no personal data.
/// </summary>
/// <param name="ToDate">The period holds today, so its figures run to <paramref name="AsOf"/> only (截至).</param>
/// <param name="GeneratedBy">The display name of the user who asked for the report.</param>
public sealed record Report(
    string Title, string TitleEn,
    string Scope, string ScopeName, string ScopeNameEn,
    string Period, string Date, string PeriodLabel, string PeriodLabelEn, DateOnly From, DateOnly To, bool ToDate, DateOnly? AsOf,
    double Target, DateTimeOffset GeneratedAt, string GeneratedBy,
    IReadOnlyList<ReportFigure> Figures, IReadOnlyList<ReportScope> Children);

/// <param name="Key">The figure's path in the GET /api/stats answer (for a child: inside that child).</param>
/// <param name="Kind">count, rate (0..1) or hours.</param>
/// <param name="Value">Null when the stats have none (a rate whose denominator is 0, no median yet).</param>
/// <param name="Target">The target the figure is held against, if it has one.</param>
/// <param name="Met">Whether the figure reaches its target; null without a target or a value.</param>
public sealed record ReportFigure(
    string Key, string Category, string CategoryZh, string CategoryEn, string NameZh, string NameEn, string Kind, double? Value,
    double? Target, bool? Met);

/// <summary>A child scope's headline figures.</summary>
public sealed record ReportScope(string Scope, string ScopeName, string ScopeNameEn, IReadOnlyList<ReportFigure> Figures);

/// <summary>Builds a <see cref="Report"/> from one stats snapshot, computing nothing of its own.</summary>
public static class ReportBuilder
{
    private const string Hotline = "12385残疾人服务热线";

    public static Report Build(StatsSnapshot snapshot, ReportPeriod period, DateTimeOffset generatedAt, string generatedBy)
    {
        var figures = ReportMeasures.Of(snapshot)
            .Select(m => Figure(m.Key, m.Category, m.NameZh, m.NameEn, m.Kind, m.Read(snapshot), m.HasTarget ? snapshot.Target : null))
            .ToList();
        var children = snapshot.Children.Select(child => new ReportScope(child.Scope, child.ScopeName, child.ScopeNameEn,
            [.. ReportMeasures.ChildMeasures.Select(m => Figure(m.Key, ReportMeasures.Tickets, m.NameZh, m.NameEn, m.Kind, m.Read(child),
                m.Key == "onTimeClosureRate" ? snapshot.Target : null))])).ToList();
        return new Report(
            $"{snapshot.ScopeName}{Hotline} {period.LabelZh} 工作报表",
            $"{snapshot.ScopeNameEn} 12385 Disabled Persons' Service Hotline: work report, {period.LabelEn}",
            snapshot.Scope, snapshot.ScopeName, snapshot.ScopeNameEn,
            period.Kind, period.Text, period.LabelZh, period.LabelEn, snapshot.From, snapshot.To, period.ToDate, period.AsOf,
            snapshot.Target, generatedAt, generatedBy, figures, children);
    }

    private static ReportFigure Figure(string key, string category, string zh, string en, string kind, double? value, double? target)
    {
        var (categoryZh, categoryEn) = ReportMeasures.Categories[category];
        return new ReportFigure(key, category, categoryZh, categoryEn, zh, en, kind, value, target,
            target is null || value is null ? null : value >= target);
    }
}
