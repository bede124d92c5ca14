/* dtrace -v: profile lowers the descriptions to Evolving, ntohl() the statements */
profile:::tick-1s
{
	trace(ntohl(1));
}

dtrace:::END
{
	trace(timestamp > 0);
}
