using Dispatch.Scopes;

namespace Dispatch.Stats;

/// <summary>
/// The breach risks of one item type's open items in a scope (<see cref="BreachRisks"/>): each source reads its own read
/// model and handling history, and estimates with <see cref="BreachRiskRules"/>. The stats grain picks the source by
/// <see cref="ItemType"/>.
/// </summary>
public interface IBreachRiskSource
{
    /// <summary>The item type this source covers (<c>Dispatch.People.ItemTypes</c>).</summary>
    string ItemType { get; }

    Task<BreachRisks> ReadAsync(StatsScope scope);
}
