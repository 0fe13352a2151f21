using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dispatch.Notifications;
using FluentAssertions;
using Npgsql;
using static Dispatch.Tests.Integration.Tickets.TicketApi;

namespace Dispatch.Tests.Integration.Items;

/// <summary>Outgoing notifications: the outbox written with the item's events, the silo's sender, the list within each reader's scope.</summary>
public sealed partial class ItemWorkApiTests
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Registering_a_ticket_with_a_phone_queues_one_acknowledgement_in_its_own_write_and_the_sender_delivers_it()
    {
        using var op = await Operator(system);
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var phone = NewPhone();

        var ticket = await RegisteredAsync(op, Intake(county: "330483", phone: phone));

        // Written by the registration's own transaction: there when the registration answers, stamped with its instant.
        var rows = await OutboxRowsAsync(Id(ticket));
        var row = rows.Should().ContainSingle().Subject;
        row.Template.Should().Be(NotificationTemplateIds.TicketRegistered);
        row.CreatedAt.Should().BeCloseTo(ticket.GetProperty("receivedAt").GetDateTimeOffset(), TimeSpan.FromMilliseconds(1));
        var sent = await Eventually.Get(() => Task.FromResult(system.Notifications.Sent.Where(m => m.Recipient == phone).ToList()),
            m => m.Count > 0, Delivery, "the acknowledgement handed to the sender");
        var message = sent.Should().ContainSingle().Subject;
        message.Text.Should().StartWith("【12385】").And.Contain(ticket.GetProperty("number").GetString());
        message.MaskedRecipient.Should().NotContain(phone);
        var listed = await Eventually.Get(() => ListedAsync(admin, Id(ticket)), l => l.Single().GetProperty("status").GetString() == "sent",
            Delivery, "the acknowledgement marked sent");
        listed.Single().GetProperty("attempts").GetInt32().Should().Be(1);
    }

    [Fact]
    public async Task A_refused_command_queues_nothing()
    {
        using var op = await Operator(system);
        var ticket = await RegisteredAsync(op, Intake(county: "330483"));

        (await ActAsync(op, ticket, "dispatch", new { unitCode = "NO-SUCH-UNIT" })).IsSuccessStatusCode.Should().BeFalse();
        (await ActAsync(op, ticket, "resolve", new { reply = "未派单不能办结。" })).IsSuccessStatusCode.Should().BeFalse();

        (await OutboxRowsAsync(Id(ticket))).Select(r => r.Template).Should().Equal(NotificationTemplateIds.TicketRegistered);
    }

    [Fact]
    public async Task A_dispatch_tells_the_unit_by_SMS_at_its_phone_and_by_e_mail_at_its_address_and_a_unit_with_neither_gets_nothing()
    {
        using var op = await Operator(system);
        using var admin = await system.SignInAsync("admin@jx12385.test");
        const string Haining = "330481-CENTRE";
        const string Address = "haining.centre@example.org";
        await using (var database = NpgsqlDataSource.Create(system.ConnectionString))
        {
            await using var command = database.CreateCommand("update units set phone = '0573-87651234', email = $2 where code = $1");
            command.Parameters.Add(new NpgsqlParameter { Value = Haining });
            command.Parameters.Add(new NpgsqlParameter { Value = Address });
            (await command.ExecuteNonQueryAsync()).Should().Be(1);
        }
        var withContact = await RegisteredAsync(op, Intake(county: "330481"));
        var withoutContact = await RegisteredAsync(op, Intake(county: "330483"));

        await ActOkAsync(op, withContact, "dispatch", new { unitCode = Haining });
        await ActOkAsync(op, withoutContact, "dispatch", new { unitCode = Centre });

        var notices = (await OutboxRowsAsync(Id(withContact))).Where(r => r.Template.StartsWith(NotificationTemplateIds.TicketDispatched)).ToList();
        notices.Select(r => (r.Template, r.Recipient)).Should().BeEquivalentTo(
            [(NotificationTemplateIds.TicketDispatched, "0573-87651234"), (NotificationTemplateIds.TicketDispatchedEmail, Address)]);
        notices.Should().OnlyContain(r => r.Placeholders.ContainsKey("unit") && r.Placeholders.ContainsKey("deadline"));
        notices.Single(r => r.Recipient == Address).Placeholders["link"].Should().Be($"/#/tickets/{Id(withContact)}");
        (await OutboxRowsAsync(Id(withoutContact))).Select(r => r.Template).Should().NotContain(t => t.StartsWith(NotificationTemplateIds.TicketDispatched));
        var listed = await ListedAsync(admin, Id(withContact));
        listed.Select(e => e.GetProperty("recipient").GetString()).Should().Contain("0573-****1234").And.NotContain("0573-87651234");
        var email = await Eventually.Get(() => Task.FromResult(system.Notifications.Sent.Where(m => m.Recipient == Address).ToList()),
            m => m.Count > 0, Delivery, "the e-mail handed to the sender");
        email.Single().Subject.Should().Contain(withContact.GetProperty("number").GetString());
        email.Single().Text.Should().Contain(withContact.GetProperty("number").GetString()).And.Contain($"/#/tickets/{Id(withContact)}");
        email.Single().MaskedRecipient.Should().Be("ha***@example.org");
        // Its unit's head reads both notices, masked; the head of another county's centre none of them.
        using var head = await system.SignInAsync("head.330481-centre@jx12385.test");
        using var otherHead = await system.SignInAsync("head.330483-centre@jx12385.test");
        var read = await NotificationsAsync(head, Id(withContact));
        read.Select(e => e.GetProperty("recipient").GetString()).Should().Contain(["0573-****1234", "ha***@example.org"]).And.NotContain(Address);
        (await NotificationsAsync(otherHead, Id(withContact))).Should().BeEmpty();
    }

    [Fact]
    public async Task A_message_the_gateway_refuses_is_tried_again_then_dead_and_an_administrator_may_retry_it()
    {
        using var op = await Operator(system);
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var phone = NewPhone();
        system.Notifications.FailFor[phone] = true;

        var ticket = await RegisteredAsync(op, Intake(county: "330483", phone: phone));

        var dead = (await Eventually.Get(() => ListedAsync(admin, Id(ticket)), l => l.Single().GetProperty("status").GetString() == "dead",
            Delivery, "the refused message given up")).Single();
        dead.GetProperty("attempts").GetInt32().Should().Be(2, "the test silo retries once, after a second");
        dead.GetProperty("lastError").GetString().Should().Contain("gateway refused").And.NotContain(phone);
        system.Notifications.Sent.Should().NotContain(m => m.Recipient == phone);
        var id = dead.GetProperty("id").GetString();

        system.Notifications.FailFor.TryRemove(phone, out _);
        var retried = await admin.PostAsync($"/api/notifications/{id}/retry", null);

        retried.StatusCode.Should().Be(HttpStatusCode.OK);
        await Eventually.Get(() => ListedAsync(admin, Id(ticket)), l => l.Single().GetProperty("status").GetString() == "sent",
            Delivery, "the retried message sent");
        (await admin.PostAsync($"/api/notifications/{id}/retry", null)).StatusCode.Should().Be(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Supervisors_read_their_scope_s_messages_a_unit_s_head_their_unit_s_and_only_administrators_retry()
    {
        using var op = await Operator(system);
        using var admin = await system.SignInAsync("admin@jx12385.test");
        using var staff = await Staff(system, Centre);
        using var head = await system.SignInAsync($"head.{Centre.ToLowerInvariant()}@jx12385.test");
        using var county = await system.SignInAsync("supervisor.330483@jx12385.test");
        using var otherCounty = await system.SignInAsync("supervisor.330481@jx12385.test");
        using var city = await system.SignInAsync("supervisor@jx12385.test");
        var phone = NewPhone();
        var ticket = await RegisteredAsync(op, Intake(county: "330483", phone: phone));
        await ActOkAsync(op, ticket, "dispatch", new { unitCode = Centre });

        // The caller's acknowledgement is about an item of county 330483 that the centre now works.
        foreach (var reader in new[] { admin, city, county, head })
        {
            var read = await NotificationsAsync(reader, Id(ticket));
            read.Select(e => e.GetProperty("template").GetString()).Should().Contain(NotificationTemplateIds.TicketRegistered);
            read.Select(e => e.GetProperty("recipient").GetString()).Should().NotContain(phone);
        }
        (await NotificationsAsync(otherCounty, Id(ticket))).Should().BeEmpty("another county's supervisor does not see this county's messages");
        foreach (var refused in new[] { op, staff })
        {
            (await refused.GetAsync("/api/notifications")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
            (await refused.GetAsync("/api/notifications/templates")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }
        foreach (var notAdmin in new[] { staff, head, county, city })
        {
            (await notAdmin.PostAsync($"/api/notifications/{Guid.NewGuid()}/retry", null)).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        }
        (await county.GetAsync("/api/notifications?status=lost")).StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var templates = await head.GetFromJsonAsync<JsonElement[]>("/api/notifications/templates");
        templates!.Select(t => t.GetProperty("id").GetString()).Should().Contain(NotificationTemplateIds.All);
    }

    [Fact]
    public async Task Two_senders_claiming_at_once_never_take_the_same_message_and_a_lost_claim_cannot_mark_it()
    {
        await using var database = NpgsqlDataSource.Create(system.ConnectionString);
        // Due a day from now: the silo's own sender (on the real clock) leaves them to the two claims below.
        var due = DateTimeOffset.UtcNow.AddDays(1);
        var item = Guid.NewGuid();
        await using (var insert = database.CreateCommand("""
            insert into outgoing_messages (item_type, item_id, item_number, county_code, event_version, channel, template, recipient_kind,
                recipient, placeholders, next_attempt_at, created_at, updated_at)
            select 'ticket', $1, 'JX-TEST', '330483', v, 'sms', 'ticket.resolved', 'person', '13800000000', '{"number":"JX-TEST"}', $2, $2, $2
            from generate_series(1, 40) v
            """))
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = item });
            insert.Parameters.Add(new NpgsqlParameter { Value = due });
            (await insert.ExecuteNonQueryAsync()).Should().Be(40);
        }
        var store = new OutboxStore(database);
        // Neither claim alone may take all 40 (35 each), so they split them; 30 to spare for rows other tests left due.
        var at = due.AddDays(1);

        var claims = await Task.WhenAll(
            store.ClaimAsync(at, 35, TimeSpan.FromMinutes(2), CancellationToken.None),
            store.ClaimAsync(at, 35, TimeSpan.FromMinutes(2), CancellationToken.None));

        var mine = claims.SelectMany(c => c).Where(m => m.Placeholders["number"] == "JX-TEST").ToList();
        mine.Select(m => m.Id).Should().OnlyHaveUniqueItems().And.HaveCount(40);
        var first = mine[0];
        var retaken = (await store.ClaimAsync(at.AddMinutes(3), 100, TimeSpan.FromMinutes(2), CancellationToken.None)).Single(m => m.Id == first.Id);
        retaken.Attempt.Should().Be(first.Attempt + 1, "a claim whose lease ran out is taken again as a new attempt");
        (await store.MarkSentAsync(first, at.AddMinutes(4), CancellationToken.None)).Should().BeFalse("the first claim was lost");
        (await store.MarkSentAsync(retaken, at.AddMinutes(4), CancellationToken.None)).Should().BeTrue();
        (await store.MarkSentAsync(retaken, at.AddMinutes(5), CancellationToken.None)).Should().BeFalse("a row is marked once");
    }

    private sealed record OutboxRow(string Template, string Recipient, DateTimeOffset CreatedAt, Dictionary<string, string> Placeholders);

    private async Task<List<OutboxRow>> OutboxRowsAsync(string itemId)
    {
        await using var database = NpgsqlDataSource.Create(system.ConnectionString);
        await using var command = database.CreateCommand(
            "select template, recipient, created_at, placeholders::text from outgoing_messages where item_id = $1 order by event_version, template");
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(itemId) });
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<OutboxRow>();
        while (await reader.ReadAsync())
        {
            rows.Add(new OutboxRow(reader.GetString(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2),
                JsonSerializer.Deserialize<Dictionary<string, string>>(reader.GetString(3))!));
        }
        return rows;
    }

    /// <summary>Every message of an item the reader may see.</summary>
    private static async Task<List<JsonElement>> NotificationsAsync(HttpClient reader, string itemId)
    {
        var page = await reader.GetFromJsonAsync<JsonElement>($"/api/notifications?item={itemId}");
        return [.. page.GetProperty("items").EnumerateArray()];
    }

    private static async Task<List<JsonElement>> ListedAsync(HttpClient admin, string itemId)
    {
        var page = await admin.GetFromJsonAsync<JsonElement>($"/api/notifications?item={itemId}&channel=sms");
        return [.. page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("template").GetString() == NotificationTemplateIds.TicketRegistered
            || e.GetProperty("template").GetString() == NotificationTemplateIds.TicketDispatched)];
    }
}
