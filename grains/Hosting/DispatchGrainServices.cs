using Dispatch.Calendar;
using Dispatch.EventSourcing;
using Dispatch.Fields;
using Dispatch.Items;
using Dispatch.Numbers;
using Dispatch.Rehab;
using Dispatch.Routing;
using Dispatch.Sla;
using Dispatch.Stats;
using Dispatch.Tickets;
using Dispatch.Units;
using Microsoft.Extensions.DependencyInjection;
using Dispatch.Openings;

namespace Dispatch.Hosting;

/// <summary>
/// What the grains need from a silo besides its providers: the domain's services, its reference data, its background
/// folding of counters and its start-up tasks. The silo supplies the database (NpgsqlDataSource) and the clock.
/// </summary>
public static class DispatchGrainServices
{
    public static ISiloBuilder AddDispatchGrains(this ISiloBuilder silo, SlaSettings sla, MeasureTargets targets)
    {
        var services = silo.Services;
        silo.AddIncomingGrainCallFilter<OutsideCallerFilter>();
        silo.AddIncomingGrainCallFilter<DatabaseFailureFilter>();
        services.AddSingleton(sla);
        services.AddSingleton(targets);
        services.AddSingleton<GroupCommitMetrics>();
        services.AddSingleton<GroupCommit>();
        services.AddSingleton<ItemMetrics>();
        services.AddSingleton<EventStore>();
        services.AddSingleton(ClockGamingSettings.From(silo.Configuration));
        services.AddSingleton<ItemServices>();
        services.AddSingleton<DailyNumbers>();
        services.AddSingleton<AreaDirectory>();
        services.AddSingleton<ReferenceChangeLog>();
        // Units and active routing rules are held in memory, loaded before the silo takes calls; each table's trigger
        // notifies every silo's feed of a change (migration 0120), and the feeds poll as a fallback.
        services.AddSingleton<UnitTable>();
        services.AddSingleton<UnitDirectory>();
        services.AddSingleton<UnitMembers>();
        services.AddSingleton<LegalAid.LegalAidRosterTable>();
        services.AddSingleton<UnitFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<UnitFeed>());
        silo.AddStartupTask((provider, cancellationToken) =>
            provider.GetRequiredService<UnitFeed>().RefreshAsync(cancellationToken), ServiceLifecycleStage.ApplicationServices);
        services.AddSingleton<RoutingRuleTable>();
        services.AddSingleton<ActiveRoutingRules>();
        services.AddSingleton<RoutingRuleFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<RoutingRuleFeed>());
        silo.AddStartupTask((provider, cancellationToken) =>
            provider.GetRequiredService<RoutingRuleFeed>().RefreshAsync(cancellationToken), ServiceLifecycleStage.ApplicationServices);
        services.AddSingleton<OpenWorkTable>();
        services.AddSingleton<UnitPicker>();
        services.AddSingleton<UnitRouter>();
        services.AddSingleton<CallerHistory>();
        services.AddSingleton<TicketNumbers>();
        services.AddSingleton<RehabDirectory>();
        services.AddSingleton<RehabRosterStore>();
        services.AddSingleton<ItemOpener>();
        services.AddSingleton<Dispatch.PersonalData.PersonalDataAccessLog>();
        services.AddSingleton<StatsCounterReader>();
        services.AddSingleton<ScopeDirectory>();
        services.AddSingleton<StatsQueries>();
        services.AddSingleton<AttentionLists>();
        services.AddSingleton<IBreachRiskSource, BreachRiskList>();
        services.AddSingleton<IBreachRiskSource, RehabBreachRiskList>();
        services.AddSingleton<IBreachRiskSource, LegalAidBreachRiskList>();
        services.AddSingleton<CloseTodayQueries>();
        services.AddSingleton<ClockGamingReader>();
        services.AddSingleton<StatsRebuild>();
        services.AddSingleton<StatsCounterFold>();
        services.AddHostedService<StatsCounterFolding>();
        services.AddSingleton<CalendarChangeLog>();
        services.AddSingleton<OpenClockedItems>();
        services.AddSingleton<CalendarRecount>();
        services.AddSingleton<CalendarFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<CalendarFeed>());
        // The administered calendar is in force before the silo takes calls; from then on the feed follows the log.
        silo.AddStartupTask((provider, cancellationToken) =>
            provider.GetRequiredService<CalendarFeed>().RefreshAsync(recountItems: false, cancellationToken), ServiceLifecycleStage.ApplicationServices);
        services.AddSingleton<SlaRuleLog>();
        services.AddSingleton<SlaRuleFeed>();
        services.AddHostedService(provider => provider.GetRequiredService<SlaRuleFeed>());
        // Published rule versions are known before the silo takes calls, like the calendar.
        silo.AddStartupTask((provider, cancellationToken) =>
            provider.GetRequiredService<SlaRuleFeed>().RefreshAsync(cancellationToken), ServiceLifecycleStage.ApplicationServices);
        // A database whose items predate the counters gets them computed once from the read model.
        silo.AddStartupTask((provider, cancellationToken) => provider.GetRequiredService<StatsRebuild>().EnsureBuiltAsync(cancellationToken));
        // Read models of a database from before opaque person ids get them before the silo takes calls.
        services.AddSingleton<Dispatch.People.PersonIdRewrite>();
        silo.AddStartupTask((provider, cancellationToken) =>
            provider.GetRequiredService<Dispatch.People.PersonIdRewrite>().RunAsync(cancellationToken), ServiceLifecycleStage.ApplicationServices);
        // Demo mode only (deploy/run.sh): rosters for every legal-aid station and rehabilitation provider, once.
        if (Demo.DemoRosters.Enabled(silo.Configuration))
        {
            services.AddSingleton<Demo.DemoRosters>();
            silo.AddStartupTask((provider, cancellationToken) => provider.GetRequiredService<Demo.DemoRosters>().SeedAsync(cancellationToken));
        }
        services.AddSingleton(DeadlineWatchSettings.From(silo.Configuration));
        // Wakes every deadline watcher once (not waiting for its first rescan); from then on each keeps itself alive with its reminder.
        silo.AddStartupTask((provider, _) => DeadlineWatch.StartAllAsync(provider.GetRequiredService<IGrainFactory>()));
        return silo;
    }
}
