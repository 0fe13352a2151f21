using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.PersonalData;
using Dispatch.Units;
using Npgsql;

namespace Dispatch.LegalAid;

/// <summary>
/// One station's roster: checks who asks (<see cref="RosterRules"/>), writes an entry and its history entry in one
/// transaction (one activation serialises the station's changes), masks the numbers of every answer.
/// </summary>
[GrainType("legal-aid-roster")]
public sealed class LegalAidRosterGrain(
    NpgsqlDataSource database, LegalAidRosterTable roster, UnitDirectory units, ReferenceChangeLog history, PersonalDataAccessLog accessLog,
    TimeProvider time) : Grain, ILegalAidRosterGrain
{
    private string StationCode => this.GetPrimaryKeyString();

    public async Task<Outcome<ImmutableArray<RosterMember>>> List(Actor actor)
    {
        if (!Visible(actor))
        {
            return RosterRules.NotFound(StationCode);
        }
        var members = await roster.StationAsync(StationCode);
        return Outcome<ImmutableArray<RosterMember>>.Success([.. members.Select(m => m.MaskedFor(actor))]);
    }

    public Task<Outcome<RosterMember>> Add(RosterMemberInput member, Actor actor) => Save(Guid.NewGuid(), member, actor, null, isNew: true);

    public Task<Outcome<RosterMember>> Change(Guid memberId, RosterMemberInput member, Actor actor, int? expectedVersion) =>
        Save(memberId, member, actor, expectedVersion, isNew: false);

    public async Task<Outcome<RevealedValue>> Reveal(Guid memberId, RevealRequest request, string? clientAddress, Actor actor)
    {
        var visible = Visible(actor);
        var member = visible ? (await roster.StationAsync(StationCode)).FirstOrDefault(m => m.Id == memberId) : null;
        var item = new RevealableItem(member is not null, RosterRules.MemberNotFound(), RosterVocabulary.RevealableFields, field => field switch
        {
            RosterVocabulary.PhoneField => member?.Phone,
            RosterVocabulary.LicenceField => member?.LicenceNumber,
            _ => null,
        });
        return await accessLog.RevealAsync(actor, request, clientAddress, RosterVocabulary.ItemType, memberId, item);
    }

    private async Task<Outcome<RosterMember>> Save(Guid id, RosterMemberInput input, Actor actor, int? expectedVersion, bool isNew)
    {
        if (!Visible(actor))
        {
            return RosterRules.NotFound(StationCode);
        }
        if (!RosterRules.MayChange(actor, StationCode))
        {
            return RosterRules.Forbidden();
        }
        await using var connection = await database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = isNew ? null : await LegalAidRosterTable.LockAsync(connection, StationCode, id);
        if (!isNew && before is null)
        {
            return RosterRules.MemberNotFound();
        }
        if (before is not null && expectedVersion is { } expected && expected != before.Version)
        {
            return DomainError.Stale(before.Version);
        }
        // A change that leaves the phone or licence number empty keeps the stored one (the client sees them masked only).
        if (before is not null)
        {
            input = input with
            {
                Phone = string.IsNullOrWhiteSpace(input.Phone) ? before.Phone : input.Phone,
                LicenceNumber = string.IsNullOrWhiteSpace(input.LicenceNumber) ? before.LicenceNumber : input.LicenceNumber,
            };
        }
        var checkedMember = RosterRules.Validate(input, id, StationCode, (before?.Version ?? 0) + 1);
        if (!checkedMember.Succeeded)
        {
            return checkedMember;
        }
        var saved = checkedMember.Value!;
        await LegalAidRosterTable.SaveAsync(connection, saved, actor.UserId, time.GetUtcNow());
        // The history keeps what the API shows: the numbers masked, never in full.
        await history.AppendAsync(connection, ReferenceTables.LegalAidRoster, saved.Id.ToString(), before?.MaskedFor(Actor.Platform), saved.MaskedFor(Actor.Platform), actor);
        await transaction.CommitAsync();
        return Outcome<RosterMember>.Success(saved.MaskedFor(actor));
    }

    /// <summary>The station exists as a legal-aid station and the actor may read its roster.</summary>
    private bool Visible(Actor actor) =>
        units.Find(StationCode) is { Kind: UnitKinds.LegalAid } station && RosterRules.MayRead(actor, station.Code, station.AreaCode);
}
