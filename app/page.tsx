import { redirect } from "next/navigation";
import { homePath, requireViewer } from "@/lib/auth/session";

export default async function Home() {
  redirect(homePath(await requireViewer()));
}
