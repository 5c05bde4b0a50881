package io.anygate.anytime.accounts;

import io.anygate.domain.AnytimeDates;
import io.anygate.domain.transfer.CreditTransfer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The testimonial of an executed credit transfer: one A4 page (PDFBox, standard Helvetica, so nothing is embedded)
 * naming the sender and the beneficiary with their IBANs and BICs, the amount, the creation, request and execution
 * dates, the execution reference and both texts. The beneficiary's values are SEPA text (checked when the transfer
 * was made); the sender's name comes from TX, and a letter the standard fonts' WinAnsi encoding lacks is written '?'.
 */
final class TestimonialPdf {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");

    private TestimonialPdf() {
    }

    static byte[] of(CreditTransfer t) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Credit transfer", Long.toString(t.id())});
        rows.add(new String[] {"Status", t.status().label()});
        rows.add(new String[] {"Execution reference", t.executionReference()});
        rows.add(new String[] {"Amount", t.amount().toPlainString() + " " + t.currency()});
        rows.add(new String[] {"Sender", t.senderName()});
        rows.add(new String[] {"Sender account", Long.toString(t.accountId())});
        rows.add(new String[] {"Sender IBAN", t.senderIban()});
        rows.add(new String[] {"Sender BIC", t.senderBic()});
        rows.add(new String[] {"Beneficiary", t.beneficiaryName()});
        rows.add(new String[] {"Beneficiary IBAN", t.beneficiaryIban()});
        rows.add(new String[] {"Beneficiary BIC", t.beneficiaryBic()});
        rows.add(new String[] {"Remittance information", t.reason()});
        rows.add(new String[] {"Creation date", dateTime(t.createdAt())});
        rows.add(new String[] {"Request date", date(t.createdAt())});
        rows.add(new String[] {"Execution date", t.executedAt() == null ? "" : date(t.executedAt())});
        try (PDDocument doc = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle("Credit transfer testimonial " + t.id());
            info.setCreator("anygate");
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
            PDType1Font plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
            try (PDPageContentStream text = new PDPageContentStream(doc, page)) {
                float y = page.getMediaBox().getHeight() - 72;
                line(text, bold, 16, 56, y, "SEPA credit transfer testimonial");
                y -= 20;
                line(text, plain, 10, 56, y, "This certifies that the credit transfer below was executed.");
                y -= 30;
                for (String[] row : rows) {
                    line(text, bold, 10, 56, y, row[0]);
                    line(text, plain, 10, 200, y, printable(plain, row[1] == null ? "" : row[1]));
                    y -= 18;
                }
            }
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("writing the testimonial of credit transfer " + t.id(), e);
        }
    }

    private static void line(PDPageContentStream s, PDType1Font font, float size, float x, float y, String text)
            throws IOException {
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, y);
        s.showText(text);
        s.endText();
    }

    // A holder's name comes from TX and may hold letters the standard fonts cannot write: those become '?'.
    static String printable(PDType1Font font, String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(cp -> {
            String c = new String(Character.toChars(cp));
            try {
                font.encode(c);
                out.append(c);
            } catch (IOException | IllegalArgumentException e) {
                out.append('?');
            }
        });
        return out.toString();
    }

    private static String dateTime(Instant i) {
        return DATE_TIME.format(i.atZone(AnytimeDates.ANYTIME_ZONE));
    }

    private static String date(Instant i) {
        return AnytimeDates.date(i.atZone(AnytimeDates.ANYTIME_ZONE).toLocalDate());
    }
}
