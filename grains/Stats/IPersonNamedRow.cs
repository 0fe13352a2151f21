namespace Dispatch.Stats;

/// <summary>
/// A read-model row of an item that belongs to one person: the name its free text must not carry to the lists, the
/// push messages and the big screen (<see cref="PersonalData.FreeText"/>).
/// </summary>
public interface IPersonNamedRow
{
    /// <summary>The caller's, applicant's or person's name as stored with the item.</summary>
    string PersonName { get; }
}
