using Dispatch.Errors;
using Dispatch.Identity;
using Dispatch.Items;
using Dispatch.Tickets;
using Dispatch.Units;
using FluentAssertions;

namespace Dispatch.Tests.Unit.Items;

/// <summary>The unit's own work on an item: who writes which note, who takes or names the assignee, and when it ends.</summary>
public sealed class ItemWorkTests
{
    private const string Unit = "330402-CENTRE";
    private const string County = "330402";
    private static readonly ItemVocabulary Words = TicketVocabulary.Item;
    private static readonly Actor Staff = new("u-staff", Roles.UnitStaff, Unit, null);
    private static readonly Actor Head = new("u-head", Roles.UnitStaff, Unit, null, UnitHead: true);
    private static readonly Actor Supervisor = new("u-sup", Roles.Supervisor, null, County);
    private static readonly Actor Operator = new("u-op", Roles.Operator, null, null);
    private static readonly UnitMember Colleague = new("u-colleague", "李四", Roles.UnitStaff, Unit, Active: true);

    private static ItemWorker Worker(Actor actor, ItemAssignee? assignee = null, string? unit = Unit) =>
        ItemWorker.Of(actor, visible: true, unit, County, assignee);

    private static Change<string> Note(Actor actor, string? kind, string? text = "已联系来电人。") =>
        ItemWork.Note(Words, Worker(actor), new AddItemNote(kind, text), (k, n) => $"{k}:{n}");

    [Fact]
    public void The_handling_units_staff_write_both_kinds_of_note_trimmed()
    {
        Note(Staff, ItemNoteKinds.Progress, "  已联系来电人。 ").Events.Should().Equal("progress:已联系来电人。");
        Note(Staff, ItemNoteKinds.Internal).Events.Should().Equal("internal:已联系来电人。");
    }

    [Fact]
    public void A_supervisor_writes_an_internal_comment_but_no_progress_note()
    {
        Note(Supervisor, ItemNoteKinds.Internal).Error.Should().BeNull();
        Note(Supervisor, ItemNoteKinds.Progress).Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
    }

    [Fact]
    public void The_hotline_writes_no_note()
    {
        Note(Operator, ItemNoteKinds.Progress).Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
    }

    [Fact]
    public void A_note_needs_a_known_kind_and_text_within_the_limit()
    {
        var error = Note(Staff, "secret", new string('字', TextLimits.LongText + 1)).Error!;

        error.Kind.Should().Be(DomainErrorKind.Validation);
        error.Fields.Select(f => (f.Field, f.Code)).Should().BeEquivalentTo([("kind", "unknown_value"), ("note", "too_long")]);
    }

    [Fact]
    public void Taking_needs_staff_of_the_handling_unit()
    {
        Assign(Staff, null, Member(Staff)).Events.Should().Equal("u-staff");
        Assign(Supervisor, null, new("u-sup", "督办", Roles.Supervisor, null, true)).Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
    }

    [Fact]
    public void Naming_a_colleague_is_for_the_head_and_supervisors_not_for_plain_staff()
    {
        Assign(Head, Colleague.UserId, Colleague).Events.Should().Equal("u-colleague");
        Assign(Supervisor, Colleague.UserId, Colleague).Events.Should().Equal("u-colleague");
        Assign(Staff, Colleague.UserId, Colleague).Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
    }

    [Theory]
    [InlineData("330411-CENTRE", true, Roles.UnitStaff)]
    [InlineData(Unit, false, Roles.UnitStaff)]
    [InlineData(Unit, true, Roles.Supervisor)]
    public void The_assignee_is_an_active_staff_member_of_the_handling_unit(string unit, bool active, string role)
    {
        var error = Assign(Head, "u-x", new UnitMember("u-x", "王五", role, unit, active)).Error!;

        error.Kind.Should().Be(DomainErrorKind.Validation);
        error.Fields.Single().Code.Should().Be("not_unit_member");
        error.Fields.Single().MessageZh.Should().Contain(Unit);
    }

    [Fact]
    public void An_unknown_account_is_no_member_and_the_same_assignee_again_changes_nothing()
    {
        Assign(Head, "nobody", null).Error!.Fields.Single().Code.Should().Be("not_unit_member");
        var again = ItemWork.Assign(Words, Worker(Head, new ItemAssignee(Colleague.UserId, Colleague.Name)), new AssignItem(Colleague.UserId), Colleague, a => a.UserId);
        again.Error.Should().BeNull();
        again.Events.Should().BeEmpty();
    }

    [Fact]
    public void An_item_without_a_handling_unit_has_nobody_to_assign()
    {
        var change = ItemWork.Assign(Words, Worker(Head, unit: null), new AssignItem(null), Member(Head), a => a.UserId);

        change.Error!.Code.Should().Be("no_handling_unit");
    }

    [Fact]
    public void The_assignee_the_head_and_supervisors_unassign_but_another_staff_member_may_not()
    {
        var taken = new ItemAssignee(Staff.UserId, "张三");
        Unassign(Staff, taken).Events.Should().Equal("u-staff");
        Unassign(Head, taken).Error.Should().BeNull();
        Unassign(Supervisor, taken).Error.Should().BeNull();
        Unassign(Staff with { UserId = "u-other" }, taken).Error!.Kind.Should().Be(DomainErrorKind.Forbidden);
        Unassign(Staff, null).Error!.Code.Should().Be("not_assigned");
    }

    [Fact]
    public void The_assignment_is_kept_within_the_unit_and_ends_when_the_item_leaves_it()
    {
        var assignee = new ItemAssignee("u-staff", "张三");

        ItemWork.Kept(assignee, Unit, Unit).Should().Be(assignee);
        ItemWork.Kept(assignee, Unit, "330411-CENTRE").Should().BeNull();
        ItemWork.Kept(assignee, Unit, null).Should().BeNull();
    }

    [Fact]
    public void A_returned_ticket_drops_its_assignee_and_a_note_moves_nothing()
    {
        var ticket = TicketState.Empty with { Version = 3, Status = TicketStatus.Signed, UnitCode = Unit, Assignee = new ItemAssignee("u-staff", "张三") };
        var at = DateTimeOffset.Parse("2026-12-03T09:00:00+08:00");

        var noted = ticket.Apply(ticket.Id, 4, new TicketNoteAdded(ItemNoteKinds.Progress, "已上门核实。"), at);
        var moved = noted.Apply(ticket.Id, 5, new TicketReturned(Unit, "wrong_county", null), at);

        noted.Should().BeEquivalentTo(ticket with { Version = 4, UpdatedAt = at });
        moved.Assignee.Should().BeNull();
    }

    private static UnitMember Member(Actor actor) => new(actor.UserId, actor.UserId, actor.Role, actor.UnitCode, true);

    private static Change<string> Assign(Actor actor, string? userId, UnitMember? member) =>
        ItemWork.Assign(Words, Worker(actor), new AssignItem(userId), member, a => a.UserId);

    private static Change<string> Unassign(Actor actor, ItemAssignee? assignee) =>
        ItemWork.Unassign(Words, Worker(actor, assignee), a => a.UserId);
}
