import { CheckEmail } from "@/components/signin/CheckEmail";
import { env } from "@/lib/env";

export default function CheckEmailPage() {
  return <CheckEmail inboxUrl={env().MAIL_INBOX_URL} />;
}
