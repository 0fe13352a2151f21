using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using FluentAssertions;
using Npgsql;
using static Dispatch.Tests.Integration.Tickets.TicketApi;
using CaseApi = Dispatch.Tests.Integration.LegalAid.CaseApi;

namespace Dispatch.Tests.Integration.Items;

/// <summary>Attachments on every item: upload by content type, list, download within scope, history and access log.</summary>
public sealed partial class ItemWorkApiTests
{
    /// <summary>The PNG signature and a few bytes: what the type check reads.</summary>
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 1, 2, 3, 4, 5];

    [Fact]
    public async Task An_uploaded_scan_comes_back_byte_for_byte_and_its_upload_is_in_the_history()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, Centre);
        var ticket = await DispatchedAsync(op);

        var uploaded = await UploadAsync(staff, ticket, Png, @"C:\fakepath\letter-scan.png", key: "scan-1", note: "来信扫描件");
        var again = await UploadAsync(staff, ticket, Png, "letter-scan.png", key: "scan-1");

        uploaded.StatusCode.Should().Be(HttpStatusCode.Created);
        var attachment = await uploaded.Content.ReadFromJsonAsync<JsonElement>();
        attachment.GetProperty("fileName").GetString().Should().Be("letter-scan.png");
        attachment.GetProperty("contentType").GetString().Should().Be("image/png");
        attachment.GetProperty("size").GetInt64().Should().Be(Png.Length);
        again.StatusCode.Should().Be(HttpStatusCode.OK);
        (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString().Should().Be(AttachmentId(attachment));
        var listed = (await op.GetFromJsonAsync<JsonElement[]>($"/api/tickets/{Id(ticket)}/attachments"))!;
        listed.Select(AttachmentId).Should().Equal(AttachmentId(attachment));

        using var download = await op.GetAsync($"/api/tickets/{Id(ticket)}/attachments/{AttachmentId(attachment)}");

        download.StatusCode.Should().Be(HttpStatusCode.OK);
        (await download.Content.ReadAsByteArrayAsync()).Should().Equal(Png);
        download.Content.Headers.ContentType!.MediaType.Should().Be("image/png");
        download.Content.Headers.ContentDisposition!.DispositionType.Should().Be("attachment");
        (download.Content.Headers.ContentDisposition.FileNameStar ?? download.Content.Headers.ContentDisposition.FileName).Should().Be("letter-scan.png");
        download.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
        var uploads = (await HistoryAsync(op, ticket)).Where(e => e.GetProperty("type").GetString() == "attachment_added").ToList();
        uploads.Should().ContainSingle();
        var data = uploads[0].GetProperty("data");
        data.GetProperty("fileName").GetString().Should().Be("letter-scan.png");
        data.GetProperty("size").GetInt64().Should().Be(Png.Length);
        data.GetProperty("uploaderName").GetString().Should().NotBeNullOrEmpty();
        data.TryGetProperty("content", out _).Should().BeFalse();
    }

    [Theory]
    [InlineData("html-named-pdf", "HTML")]
    [InlineData("png-named-pdf", "PNG")]
    [InlineData("zip-of-other-things", "ZIP")]
    public async Task A_file_is_refused_by_what_its_content_is_and_nothing_is_stored(string sample, string detected)
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, Centre);
        var ticket = await DispatchedAsync(op);
        var (content, name) = sample switch
        {
            "html-named-pdf" => (Encoding.UTF8.GetBytes("<!DOCTYPE html><html><script>alert(1)</script></html>"), "report.pdf"),
            "png-named-pdf" => (Png, "report.pdf"),
            _ => (Zip(("readme.txt", "hello")), "papers.docx"),
        };

        using var response = await UploadAsync(staff, ticket, content, name);

        response.StatusCode.Should().Be(HttpStatusCode.UnsupportedMediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("code").GetString().Should().Be("attachment_type_refused");
        problem.GetProperty("detected").GetProperty("en").GetString().Should().Contain(detected);
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain(detected);
        (await StoredCountAsync(ticket)).Should().Be(0);
        (await op.GetFromJsonAsync<JsonElement[]>($"/api/tickets/{Id(ticket)}/attachments")).Should().BeEmpty();
    }

    [Fact]
    public async Task A_file_over_the_cap_is_413_and_an_empty_one_400_and_neither_is_stored()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, Centre);
        var ticket = await DispatchedAsync(op);
        var large = new byte[10 * 1024 * 1024 + 1];
        Png.CopyTo(large, 0);

        using var tooLarge = await UploadAsync(staff, ticket, large, "photo.png");
        using var empty = await UploadAsync(staff, ticket, [], "photo.png");

        tooLarge.StatusCode.Should().Be(HttpStatusCode.RequestEntityTooLarge);
        var problem = await tooLarge.Content.ReadFromJsonAsync<JsonElement>();
        problem.GetProperty("zh").GetProperty("detail").GetString().Should().Contain("10 MB");
        problem.GetProperty("en").GetProperty("detail").GetString().Should().Contain("10 MB");
        empty.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await StoredCountAsync(ticket)).Should().Be(0);
        Version(await GetAsync(staff, ticket)).Should().Be(Version(ticket));
    }

    [Fact]
    public async Task Outside_the_scope_an_items_files_do_not_exist_and_the_hotline_adds_none_to_a_case()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, Centre);
        using var outsider = await Staff(system, "330482-CENTRE");
        using var station = await Staff(system, "330483-LEGAL");
        var ticket = await DispatchedAsync(op);
        var attachment = await (await UploadAsync(op, ticket, Png, "letter.png")).Content.ReadFromJsonAsync<JsonElement>();
        var legalAid = await CaseApi.OpenedAsync(op, CaseApi.Application(county: "330483"));

        using var upload = await UploadAsync(outsider, ticket, Png, "letter.png");
        using var list = await outsider.GetAsync($"/api/tickets/{Id(ticket)}/attachments");
        using var download = await outsider.GetAsync($"/api/tickets/{Id(ticket)}/attachments/{AttachmentId(attachment)}");
        using var byHotline = await UploadAsync(op, legalAid, Png, "letter.png", route: "legal-aid-cases");
        using var byStation = await UploadAsync(station, legalAid, Docx(), "application.docx", route: "legal-aid-cases");

        upload.StatusCode.Should().Be(HttpStatusCode.NotFound);
        list.StatusCode.Should().Be(HttpStatusCode.NotFound);
        download.StatusCode.Should().Be(HttpStatusCode.NotFound);
        byHotline.StatusCode.Should().Be(HttpStatusCode.Forbidden);
        byStation.StatusCode.Should().Be(HttpStatusCode.Created);
        (await byStation.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("contentType").GetString()
            .Should().Be("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
        (await StoredCountAsync(ticket)).Should().Be(1);
    }

    [Fact]
    public async Task Every_download_is_in_the_personal_data_access_log_by_attachment_id_never_by_file_name()
    {
        using var op = await Operator(system);
        using var staff = await Staff(system, Centre);
        using var admin = await system.SignInAsync("admin@jx12385.test");
        var ticket = await DispatchedAsync(op);
        var attachment = await (await UploadAsync(staff, ticket, Png, "zhang-id-card.png")).Content.ReadFromJsonAsync<JsonElement>();

        (await op.GetAsync($"/api/tickets/{Id(ticket)}/attachments/{AttachmentId(attachment)}")).EnsureSuccessStatusCode();

        var log = await admin.GetStringAsync($"/api/audit/access?itemId={Id(ticket)}");
        var rows = JsonDocument.Parse(log).RootElement.GetProperty("items").EnumerateArray().ToList();
        rows.Should().ContainSingle();
        rows[0].GetProperty("field").GetString().Should().Be("attachment");
        rows[0].GetProperty("note").GetString().Should().Be(AttachmentId(attachment));
        rows[0].GetProperty("userRole").GetString().Should().Be("operator");
        log.Should().NotContain("zhang-id-card");
    }

    private static string AttachmentId(JsonElement attachment) => attachment.GetProperty("id").GetString()!;

    /// <summary>POST .../attachments as the browser sends it; the declared part type is always PDF, to show it is not read.</summary>
    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, JsonElement item, byte[] content, string fileName,
        string? key = null, string? note = null, string route = "tickets")
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", fileName);
        if (note is not null)
        {
            form.Add(new StringContent(note), "note");
        }
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/{route}/{Id(item)}/attachments") { Content = form };
        request.Headers.Add("Idempotency-Key", key ?? Guid.NewGuid().ToString("N"));
        return await client.SendAsync(request);
    }

    private async Task<long> StoredCountAsync(JsonElement item)
    {
        await using var database = NpgsqlDataSource.Create(system.ConnectionString);
        await using var command = database.CreateCommand("select count(*) from item_attachments where item_id = $1");
        command.Parameters.Add(new NpgsqlParameter { Value = Guid.Parse(Id(item)) });
        return (long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>A zip holding the given text entries.</summary>
    private static byte[] Zip(params (string Name, string Text)[] entries)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, text) in entries)
            {
                using var writer = new StreamWriter(zip.CreateEntry(name).Open());
                writer.Write(text);
            }
        }
        return buffer.ToArray();
    }

    /// <summary>The smallest package Word opens as a document: its content types name the main document part.</summary>
    private static byte[] Docx() => Zip(
        ("[Content_Types].xml", """
            <?xml version="1.0" encoding="UTF-8"?>
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
              <Default Extension="xml" ContentType="application/xml"/>
              <Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
            </Types>
            """),
        ("word/document.xml", """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body/></w:document>"""));
}
