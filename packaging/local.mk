# packaging/local.mk - release packages built from the dist tarball:
#   make rpm   RPMs (rpmbuild in a temporary _topdir) into $(RPM_OUTDIR)
#   make deb   Debian packages (dpkg-buildpackage -b) into $(DEB_OUTDIR)
#   make dkms  a DKMS source tarball (dkms ldtarball format) in the build dir
#   make install-dkms-source   the DKMS source tree under $(DKMS_SRCDIR)
# Every package starts from `make dist`, so what ships is what distcheck checks.

RPM_OUTDIR = $(abs_builddir)/rpm-out
DEB_OUTDIR = $(abs_builddir)/deb-out
DKMS_SRCDIR = /usr/src
DKMS_TARBALL = $(PACKAGE_TARNAME)-$(VERSION).dkms.tar.gz
RPMBUILD = rpmbuild
DPKG_BUILDPACKAGE = dpkg-buildpackage

PKG_SUBST = sed -e 's|[@]PACKAGE_TARNAME[@]|$(PACKAGE_TARNAME)|g' \
	-e 's|[@]VERSION[@]|$(VERSION)|g'

EXTRA_DIST += packaging/README.md packaging/dtrace4linux.spec.in \
	packaging/dkms.conf.in packaging/dkms-build \
	debian/README.md debian/changelog debian/control debian/copyright \
	debian/rules debian/source/format \
	debian/dtrace4linux.install debian/libdtrace-dev.install \
	ci/install-deps testsuite/packaging/run testsuite/packaging/README.md

CLEANFILES += packaging/dtrace4linux.spec packaging/dkms.conf $(DKMS_TARBALL)

packaging/dtrace4linux.spec: $(srcdir)/packaging/dtrace4linux.spec.in Makefile
	$(AM_V_GEN)$(MKDIR_P) packaging && \
	$(PKG_SUBST) $(srcdir)/packaging/dtrace4linux.spec.in > $@-t && mv $@-t $@

packaging/dkms.conf: $(srcdir)/packaging/dkms.conf.in Makefile
	$(AM_V_GEN)$(MKDIR_P) packaging && \
	$(PKG_SUBST) $(srcdir)/packaging/dkms.conf.in > $@-t && mv $@-t $@

# Debian's rpm has an empty package database, so build requirements are left
# to ci/install-deps (--nodeps), and debuginfo extraction (a Fedora tool) is off.
rpm: dist-gzip packaging/dtrace4linux.spec
	@top=`mktemp -d "$${TMPDIR:-/tmp}/rpmtop.XXXXXX"` && \
	mkdir -p $$top/SOURCES $$top/SPECS $$top/BUILD $$top/RPMS $$top/SRPMS && \
	cp $(distdir).tar.gz $$top/SOURCES/ && \
	cp packaging/dtrace4linux.spec $$top/SPECS/ && \
	echo "  RPMBUILD $$top" && \
	if $(RPMBUILD) --define "_topdir $$top" --define "debug_package %{nil}" \
		--nodeps -ba $$top/SPECS/dtrace4linux.spec > $$top/rpmbuild.log 2>&1; \
	then :; else tail -n 60 $$top/rpmbuild.log; rm -rf $$top; exit 1; fi && \
	rm -rf $(RPM_OUTDIR) && $(MKDIR_P) $(RPM_OUTDIR) && \
	mv $$top/RPMS/*/*.rpm $$top/SRPMS/*.rpm $(RPM_OUTDIR)/ && \
	rm -rf $$top && ls -1 $(RPM_OUTDIR)

# The package version lives in configure.ac; debian/changelog must agree.
deb: dist-gzip
	@cv=`dpkg-parsechangelog -l $(srcdir)/debian/changelog -S Version` && \
	if test "x$$cv" != "x$(VERSION)"; then \
		echo "debian/changelog says $$cv but configure.ac says $(VERSION)" >&2; \
		exit 1; fi
	@work=`mktemp -d "$${TMPDIR:-/tmp}/debbuild.XXXXXX"` && \
	tar -C $$work -xzf $(distdir).tar.gz && \
	echo "  DPKG-BUILDPACKAGE $$work/$(distdir)" && \
	if (cd $$work/$(distdir) && $(DPKG_BUILDPACKAGE) -us -uc -b) \
		> $$work/build.log 2>&1; \
	then :; else tail -n 60 $$work/build.log; rm -rf $$work; exit 1; fi && \
	rm -rf $(DEB_OUTDIR) && $(MKDIR_P) $(DEB_OUTDIR) && \
	mv $$work/*.deb $$work/*.buildinfo $$work/*.changes $(DEB_OUTDIR)/ && \
	rm -rf $$work && ls -1 $(DEB_OUTDIR)

# The DKMS source tree is the dist tree plus dkms.conf and the per-kernel build
# script; `dkms build` runs that script, which re-runs configure (and so the
# kernel feature probes) against each kernel it builds for.
install-dkms-source: distdir packaging/dkms.conf
	dest="$(DESTDIR)$(DKMS_SRCDIR)/$(PACKAGE_TARNAME)-$(VERSION)" && \
	rm -rf "$$dest" && $(MKDIR_P) "$$dest" && \
	(cd $(distdir) && tar -cf - .) | (cd "$$dest" && tar -xf -) && \
	$(INSTALL_DATA) packaging/dkms.conf "$$dest/dkms.conf" && \
	$(INSTALL_SCRIPT) $(srcdir)/packaging/dkms-build "$$dest/dkms-build"
	$(am__remove_distdir)

dkms: packaging/dkms.conf
	@tmp=`mktemp -d "$${TMPDIR:-/tmp}/dkmstar.XXXXXX"` && \
	$(MAKE) $(AM_MAKEFLAGS) install-dkms-source DESTDIR=$$tmp \
		DKMS_SRCDIR=/ > $$tmp.log 2>&1 || { cat $$tmp.log; rm -rf $$tmp $$tmp.log; exit 1; } && \
	rm -f $$tmp.log && \
	mv "$$tmp/$(PACKAGE_TARNAME)-$(VERSION)" "$$tmp/dkms_source_tree" && \
	tar -C $$tmp --owner=0 --group=0 -czf $(DKMS_TARBALL) dkms_source_tree && \
	rm -rf $$tmp && echo "  DKMS     $(DKMS_TARBALL)"

.PHONY: rpm deb dkms install-dkms-source
