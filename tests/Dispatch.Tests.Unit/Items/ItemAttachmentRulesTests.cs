using System.Collections.Immutable;
using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Tickets;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Items;

/// <summary>Who adds files to an item, what an upload must be, and that a repeat records nothing.</summary>
public sealed class ItemAttachmentRulesTests
{
    private const string Unit = "330402-CENTRE";
    private const string County = "330402";
    private static readonly ItemVocabulary Words = TicketVocabulary.Item;
    private static readonly Actor Staff = new("u-staff", Roles.UnitStaff, Unit, null);
    private static readonly Actor OtherStaff = new("u-other", Roles.UnitStaff, "330402-LEGAL", null);
    private static readonly Actor Supervisor = new("u-sup", Roles.Supervisor, null, County);
    private static readonly Actor Operator = new("u-op", Roles.Operator, null, null);
    private static readonly string Sha = new('a', 64);
    private static readonly AttachmentUpload Scan = new(Guid.NewGuid(), " letter.png ", AttachmentTypes.Png, 120, Sha, "  来信 ");

    private static ItemWorker Worker(Actor actor, bool visible = true) => ItemWorker.Of(actor, visible, Unit, County, null);

    private static Change<AttachmentUpload> Attach(Actor actor, AttachmentUpload upload, bool hotline = false,
        ImmutableList<ItemAttachment>? recorded = null) =>
        ItemAttachmentRules.Attach(Words, Worker(actor), hotline, recorded ?? [], upload, "张三", (valid, _) => valid);

    [Fact]
    public void The_handling_unit_and_supervisors_in_scope_add_files_with_the_name_and_note_trimmed()
    {
        Attach(Staff, Scan).ShouldRecord(Scan with { FileName = "letter.png", Note = "来信" });
        Attach(Supervisor, Scan).Error.Should().BeNull();
    }

    [Fact]
    public void The_hotline_adds_files_only_where_the_item_lets_it_and_other_units_not_at_all()
    {
        Attach(Operator, Scan, hotline: true).Error.Should().BeNull();
        Attach(Operator, Scan).ShouldBeRefused(DomainErrorKind.Forbidden);
        Attach(OtherStaff, Scan).ShouldBeRefused(DomainErrorKind.Forbidden);
    }

    [Fact]
    public void An_item_the_user_does_not_see_has_no_files_to_add_list_or_open()
    {
        ItemAttachmentRules.MayAttach(Words, Worker(Staff, visible: false), hotline: true)!.Kind.Should().Be(DomainErrorKind.NotFound);
        ItemAttachmentRules.List(Words, visible: false, []).Error!.Kind.Should().Be(DomainErrorKind.NotFound);
        ItemAttachmentRules.Find(Words, visible: false, [], Scan.AttachmentId).Error!.Kind.Should().Be(DomainErrorKind.NotFound);
    }

    [Fact]
    public void The_same_upload_again_records_nothing_and_another_file_under_its_id_is_a_conflict()
    {
        var recorded = ItemAttachmentRules.Added([], Scan.AttachmentId, "letter.png", AttachmentTypes.Png, 120, Sha, null, "u-staff", "张三",
            DateTimeOffset.UnixEpoch);

        Attach(Staff, Scan, recorded: recorded).ShouldRecord();
        Attach(Staff, Scan with { Sha256 = new string('b', 64) }, recorded: recorded).ShouldConflict("idempotency_key_reused");
        ItemAttachmentRules.Find(Words, visible: true, recorded, Scan.AttachmentId).Value!.UploaderName.Should().Be("张三");
        ItemAttachmentRules.Find(Words, visible: true, recorded, Guid.NewGuid()).Error!.Kind.Should().Be(DomainErrorKind.NotFound);
    }

    [Fact]
    public void An_upload_needs_an_accepted_type_content_a_digest_and_a_printable_name()
    {
        Attach(Staff, Scan with { FileName = "a\u0000.png", ContentType = "text/html", Size = 0, Sha256 = "x" })
            .ShouldReportFields(("fileName", "invalid_character"), ("contentType", "unknown_value"), ("file", "empty"), ("sha256", "invalid_value"));
    }
}
